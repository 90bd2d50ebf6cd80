/**
 * Writes docs/operations.md from the Stripe Payments node's own description: every resource, every
 * operation, every field with its type, default and description. test/unit/operationsDoc.test.ts
 * renders it again in memory and fails when the file differs, so the reference cannot drift.
 *
 * Run: node --import tsx scripts/generate-operations-doc.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

import { format, resolveConfig } from 'prettier';

import { versionDescription } from '../nodes/StripePayments/actions/versionDescription';

export const OPERATIONS_DOC_PATH = path.join(__dirname, '..', 'docs', 'operations.md');
export const REGENERATE_COMMAND = 'node --import tsx scripts/generate-operations-doc.ts';

type Choice = INodePropertyOptions;

/** The reference as committed: rendered, then formatted with the project's prettier config. */
export async function renderOperationsDoc(
	description: INodeTypeDescription = versionDescription,
): Promise<string> {
	const config = (await resolveConfig(OPERATIONS_DOC_PATH)) ?? {};
	return await format(renderMarkdown(description), { ...config, parser: 'markdown' });
}

function renderMarkdown(description: INodeTypeDescription): string {
	const properties = description.properties;
	const resources = choicesOf(properties.find((property) => property.name === 'resource'));
	const lines = [
		`# ${description.displayName}: operations reference`,
		'',
		'<!-- Generated from the node description by scripts/generate-operations-doc.ts; do not edit.',
		`Regenerate: ${REGENERATE_COMMAND} (test/unit/operationsDoc.test.ts fails when stale). -->`,
		'',
		`Node \`${description.name}\`, version ${String(description.version)}, credential ` +
			(description.credentials ?? []).map((credential) => `\`${credential.name}\``).join(', ') +
			(description.usableAsTool ? '. Usable as a tool by the n8n AI Agent.' : '.'),
		'',
		sentence(cell(description.description)),
		'',
		'Every POST sends an `Idempotency-Key` (the Idempotency field, Automatic or Custom) and puts',
		'the key it sent in the output as `idempotencyKey`; GET and DELETE send none.',
		'',
		'| Resource | Value | Operations |',
		'| --- | --- | --- |',
	];
	for (const resource of resources) {
		const operations = operationsOf(properties, resource);
		const names = operations.map((operation) => operation.name).join(', ');
		lines.push(
			`| [${cell(resource.name)}](#${anchor(resource.name)}) | \`${value(resource)}\` | ${names} |`,
		);
	}
	for (const resource of resources) lines.push('', ...renderResource(properties, resource));
	const shared = properties.filter(
		(property) => property.name !== 'resource' && !property.displayOptions?.show?.resource,
	);
	if (shared.length > 0) {
		lines.push('', '## Every operation', '', 'Fields every operation shows.', '');
		lines.push(...renderFields(shared, []));
	}
	return `${lines.join('\n')}\n`;
}

function renderResource(properties: INodeProperties[], resource: Choice): string[] {
	const lines = [`## ${resource.name}`, ''];
	if (resource.description) lines.push(sentence(cell(resource.description)), '');
	lines.push(`Resource value: \`${value(resource)}\`.`, '');
	lines.push('| Operation | Value | Action | Description |', '| --- | --- | --- | --- |');
	const operations = operationsOf(properties, resource);
	for (const operation of operations) {
		lines.push(
			`| ${cell(operation.name)} | \`${value(operation)}\` | ${cell(operation.action ?? '')} | ${cell(operation.description ?? '')} |`,
		);
	}
	for (const operation of operations) {
		lines.push('', `### ${resource.name}: ${operation.name}`, '');
		if (operation.description) lines.push(sentence(cell(operation.description)), '');
		const fields = properties.filter((property) => {
			const show = property.displayOptions?.show;
			return (
				property.name !== 'operation' &&
				includes(show?.resource, value(resource)) &&
				includes(show?.operation, value(operation))
			);
		});
		if (fields.length === 0) lines.push('No fields.');
		else lines.push(...renderFields(fields, ['resource', 'operation']));
	}
	return lines;
}

function renderFields(fields: INodeProperties[], stampedConditions: string[]): string[] {
	const lines: string[] = [];
	for (const field of fields) addField(lines, field, '', stampedConditions);
	return lines;
}

/** `- **Label** `name`: type, default. Description. Values, conditions`, options nested below. */
function addField(
	lines: string[],
	field: INodeProperties,
	indent: string,
	stampedConditions: string[],
): void {
	const fallback = defaultOf(field);
	const summary = [
		typeOf(field),
		field.required ? 'required' : '',
		fallback && `default ${fallback}`,
	]
		.filter((part) => part !== '')
		.join(', ');
	const notes = [sentence(field.description ?? ''), conditionsOf(field, stampedConditions)]
		.filter((note) => note !== '')
		.join(' ');
	lines.push(
		`${indent}- **${cell(field.displayName)}** \`${field.name}\`: ${summary}.${notes && ` ${cell(notes)}`}`,
	);
	const inner = `${indent}  `;
	for (const choice of field.type === 'options' || field.type === 'multiOptions'
		? choicesOf(field)
		: []) {
		const text = choice.value === '' ? '(empty)' : `\`${value(choice)}\``;
		const detail = choice.description ? `: ${sentence(cell(choice.description))}` : '';
		lines.push(`${inner}- ${text} ${cell(choice.name)}${detail}`);
	}
	if (field.type === 'collection') {
		for (const option of (field.options ?? []) as INodeProperties[]) {
			addField(lines, option, inner, []);
		}
	}
	if (field.type === 'fixedCollection') {
		for (const group of (field.options ?? []) as INodePropertyCollection[]) {
			lines.push(`${inner}- ${cell(group.displayName)} \`${group.name}\`:`);
			for (const option of group.values) addField(lines, option, `${inner}  `, []);
		}
	}
}

function typeOf(field: INodeProperties): string {
	if (field.type === 'resourceLocator') {
		const modes = (field.modes ?? []).map((mode) => mode.displayName.toLowerCase());
		return `resource locator (${modes.join(', ')})`;
	}
	if (field.type === 'fixedCollection' && field.typeOptions?.multipleValues) {
		return 'fixedCollection (repeatable)';
	}
	return field.type;
}

function defaultOf(field: INodeProperties): string {
	const fallback = field.default as unknown;
	if (field.type === 'resourceLocator' || fallback === '' || fallback === undefined) return '';
	if (fallback !== null && typeof fallback === 'object' && Object.keys(fallback).length === 0) {
		return '';
	}
	return `\`${cell(typeof fallback === 'string' ? fallback : JSON.stringify(fallback))}\``;
}

function conditionsOf(field: INodeProperties, stamped: string[]): string {
	const parts: string[] = [];
	for (const [kind, conditions] of [
		['Shown when', field.displayOptions?.show],
		['Hidden when', field.displayOptions?.hide],
	] as const) {
		const own = Object.entries(conditions ?? {}).filter(([name]) => !stamped.includes(name));
		if (own.length === 0) continue;
		const text = own.map(([name, values]) => {
			const list = (Array.isArray(values) ? values : [values]).map(
				(entry) => `\`${String(entry)}\``,
			);
			return `\`${name}\` is ${list.join(' or ')}`;
		});
		parts.push(`${kind} ${text.join(' and ')}.`);
	}
	return parts.join(' ');
}

function operationsOf(properties: INodeProperties[], resource: Choice): Choice[] {
	const selector = properties.find(
		(property) =>
			property.name === 'operation' &&
			includes(property.displayOptions?.show?.resource, value(resource)),
	);
	return choicesOf(selector);
}

function choicesOf(property: INodeProperties | undefined): Choice[] {
	return ((property?.options ?? []) as Choice[]).filter((choice) => 'value' in choice);
}

function includes(values: unknown, wanted: string): boolean {
	return Array.isArray(values) && values.includes(wanted);
}

function value(choice: Choice): string {
	return String(choice.value);
}

function sentence(text: string): string {
	const trimmed = text.trim();
	return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function cell(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function anchor(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^a-z0-9 -]/g, '')
		.replace(/ /g, '-');
}

if (require.main === module) {
	void renderOperationsDoc().then((markdown) => {
		writeFileSync(OPERATIONS_DOC_PATH, markdown);
		process.stdout.write(`Wrote ${path.relative(process.cwd(), OPERATIONS_DOC_PATH)}\n`);
	});
}
