import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { findOperation } from '../../nodes/StripePayments/actions/router';
import { versionDescription } from '../../nodes/StripePayments/actions/versionDescription';
import {
	OPERATIONS_DOC_PATH,
	REGENERATE_COMMAND,
	renderOperationsDoc,
} from '../../scripts/generate-operations-doc';

const properties = versionDescription.properties;
const choices = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];
const resources = choices(properties.find((property) => property.name === 'resource'));
const operationsOf = (resource: string) =>
	choices(
		properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource),
		),
	);

describe('docs/operations.md', () => {
	it('is exactly what the node description renders (regenerate when this fails)', async () => {
		const expected = await renderOperationsDoc();
		const committed = readFileSync(OPERATIONS_DOC_PATH, 'utf8');
		assert.ok(
			committed === expected,
			`docs/operations.md is stale: run \`${REGENERATE_COMMAND}\` and commit the result`,
		);
	});

	it('has a section for every operation of every resource, naming each of its fields', async () => {
		const markdown = await renderOperationsDoc();
		const sections = markdown.split(/^### /m).slice(1);
		let operationCount = 0;
		for (const resource of resources) {
			for (const operation of operationsOf(String(resource.value))) {
				operationCount += 1;
				const heading = `${resource.name}: ${operation.name}\n`;
				const section = sections.find((candidate) => candidate.startsWith(heading));
				assert.ok(section, `no section for ${heading.trim()}`);
				const fields = properties.filter(
					(property) =>
						property.name !== 'operation' &&
						property.displayOptions?.show?.resource?.includes(resource.value) &&
						property.displayOptions?.show?.operation?.includes(operation.value),
				);
				for (const field of fields) {
					assert.ok(section.includes(`\`${field.name}\``), `${heading.trim()}: ${field.name}`);
				}
			}
		}
		assert.equal(sections.length, operationCount);
		assert.ok(operationCount >= 40, `only ${operationCount} operations rendered`);
	});

	it('renders a field’s type, default, values and visibility condition', async () => {
		const markdown = await renderOperationsDoc();
		assert.match(markdown, /- \*\*When\*\* `cancelWhen`: options, default `atPeriodEnd`\./);
		assert.match(markdown, /- `immediately` Immediately: Ends the subscription now/);
		assert.match(
			markdown,
			/\*\*Idempotency\*\* `idempotency`: collection\. .* Shown when `cancelWhen` is `atPeriodEnd`\./,
		);
		assert.match(
			markdown,
			/\*\*Customer\*\* `customer`: resource locator \(from list, by id, by url\), required\./,
		);
	});
});

describe('descriptions an AI agent can act on (usableAsTool)', () => {
	it('is usable as a tool', () => {
		assert.equal(versionDescription.usableAsTool, true);
	});

	it('covers every resource of the node', () => {
		assert.ok(resources.length >= 11, `only ${resources.length} resources`);
	});

	for (const resource of resources.map((choice) => String(choice.value))) {
		it(`${resource}: every operation has an action and a description`, () => {
			const operations = operationsOf(resource);
			assert.ok(operations.length > 0, `${resource} has no operations`);
			for (const operation of operations) {
				assert.ok(operation.action && operation.action.length > 8, `${operation.name}: action`);
				assert.ok(
					operation.description && operation.description.length >= 25,
					`${resource}.${operation.name}: description`,
				);
				assert.match(
					operation.description,
					/read-only|no money moves|moves money|may move money|may charge|no refund/i,
					`${resource}.${operation.name}: does not say whether money moves`,
				);
			}
		});
	}

	it('every operation that can move money or is irreversible says so', () => {
		const described = (resource: string, value: string) =>
			operationsOf(resource).find((operation) => operation.value === value)?.description ?? '';
		assert.match(described('invoice', 'pay'), /Moves money/);
		assert.match(described('payment', 'charge'), /Moves money/);
		assert.match(described('payment', 'capture'), /Moves money/);
		assert.match(described('refund', 'create'), /Moves money/);
		assert.match(described('subscription', 'resume'), /charge/);
		assert.match(described('customApiCall', 'call'), /may move money/);
		assert.match(described('customer', 'delete'), /cannot be undone/);
		assert.match(described('invoice', 'void'), /cannot be undone/);
	});
});

describe('every operation the UI offers (and this reference lists) can run', () => {
	for (const resource of resources) {
		it(`${resource.name}: the router finds an execute for each operation`, () => {
			for (const operation of operationsOf(String(resource.value))) {
				assert.equal(
					typeof findOperation(String(resource.value), String(operation.value)),
					'function',
					`${resource.value}.${operation.value}`,
				);
			}
		});
	}
});
