import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../core/errors';

const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/** Key/value pairs Stripe stores on the object (and returns in webhooks): order ids, user ids. */
export function metadataField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		description: 'Up to 50 keys; never put card numbers or secrets here',
		options: [
			{
				displayName: 'Entry',
				name: 'entries',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
		...overrides,
	};
}

interface MetadataParameter {
	entries?: Array<{ key?: string; value?: unknown }>;
}

/** Stripe's metadata object from the field, checked against Stripe's limits; undefined when empty. */
export function metadataFromParameter(
	value: unknown,
	field = 'Metadata',
): Record<string, string> | undefined {
	const entries = (value as MetadataParameter | undefined)?.entries ?? [];
	const metadata: Record<string, string> = {};
	for (const entry of entries) {
		const key = String(entry.key ?? '').trim();
		if (key === '') continue;
		if (key.length > MAX_KEY_LENGTH || /[[\]]/.test(key)) {
			throw new PaymentInputError(
				field,
				`key "${key.slice(0, 50)}" is longer than ${MAX_KEY_LENGTH} characters or contains brackets.`,
				'Use a short key such as order_id.',
			);
		}
		const text = entry.value === undefined || entry.value === null ? '' : String(entry.value);
		if (text.length > MAX_VALUE_LENGTH) {
			throw new PaymentInputError(
				field,
				`value of "${key}" is longer than ${MAX_VALUE_LENGTH} characters.`,
				'Store a reference (an id) instead of the whole value.',
			);
		}
		metadata[key] = text;
	}
	const count = Object.keys(metadata).length;
	if (count > MAX_KEYS) {
		throw new PaymentInputError(
			field,
			`has ${count} keys; Stripe allows ${MAX_KEYS}.`,
			'Remove some keys.',
		);
	}
	return count > 0 ? metadata : undefined;
}

export function metadataFor(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'metadata',
): Record<string, string> | undefined {
	return metadataFromParameter(this.getNodeParameter(name, itemIndex, {}));
}
