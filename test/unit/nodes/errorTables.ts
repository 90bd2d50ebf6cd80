import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DECLINE_RULES } from '../../../core/stripe/declineCodes';
import { CATEGORY_DEFAULTS } from '../../../core/stripe/errors';

/**
 * docs/errors.md's tables, rendered from core's data (the decline table and the category defaults),
 * so the doc cannot drift: errorsDoc.test.ts compares, and
 * `node --import tsx test/unit/nodes/errorTables.ts --write` rewrites the marked blocks.
 */
export const ERRORS_DOC = join(__dirname, '../../../docs/errors.md');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderDeclineTable(): string {
	const rows = DECLINE_RULES.map(
		(rule) =>
			`| ${rule.codes.map((code) => `\`${code}\``).join(', ')} | \`${rule.nextStep}\` | ${
				rule.reviewForFraud ? 'yes' : 'no'
			} | ${cell(rule.message)} |`,
	);
	return [
		'| Stripe `decline_code` / `code` | nextStep | Flag for review | What it means and what to do |',
		'|---|---|---|---|',
		...rows,
	].join('\n');
}

export function renderCategoryTable(): string {
	const rows = Object.entries(CATEGORY_DEFAULTS).map(
		([category, value]) =>
			`| \`${category}\` | \`${value.nextStep}\` | ${value.retryable ? 'yes' : 'no'} | ${cell(value.message)} |`,
	);
	return [
		'| Category | nextStep | Retried automatically | What it means and what to do |',
		'|---|---|---|---|',
		...rows,
	].join('\n');
}

const BLOCKS: Record<string, () => string> = {
	'decline-table': renderDeclineTable,
	'category-table': renderCategoryTable,
};

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, trimmed. */
export function blockOf(doc: string, name: string): string | null {
	const match = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc);
	return match ? match[1].trim() : null;
}

export function renderedDoc(doc: string): string {
	let result = doc;
	for (const [name, render] of Object.entries(BLOCKS)) {
		result = result.replace(
			new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`),
			(_match, start: string, end: string) => `${start}\n${render()}\n${end}`,
		);
	}
	return result;
}

if (process.argv.includes('--write')) {
	writeFileSync(ERRORS_DOC, renderedDoc(readFileSync(ERRORS_DOC, 'utf8')));
}
