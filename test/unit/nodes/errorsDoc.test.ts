import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { DECLINE_RULES } from '../../../core/stripe/declineCodes';
import { blockOf, ERRORS_DOC, renderCategoryTable, renderDeclineTable } from './errorTables';

describe('docs/errors.md', () => {
	const doc = readFileSync(ERRORS_DOC, 'utf8');

	it('shows the decline table exactly as core/stripe/declineCodes.ts defines it', () => {
		assert.equal(blockOf(doc, 'decline-table'), renderDeclineTable());
	});

	it('shows the error categories exactly as core/stripe/errors.ts defines them', () => {
		assert.equal(blockOf(doc, 'category-table'), renderCategoryTable());
	});

	it('names every decline code core knows', () => {
		for (const code of DECLINE_RULES.flatMap((rule) => rule.codes)) {
			assert.ok(doc.includes(`\`${code}\``), code);
		}
	});
});
