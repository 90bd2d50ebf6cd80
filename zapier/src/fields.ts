import { defineInputField } from 'zapier-platform-core';

/** Input fields several actions share, so they read and behave the same everywhere. */

export const amountField = defineInputField({
	key: 'amount',
	label: 'Amount',
	type: 'string',
	required: true,
	helpText:
		'A decimal amount in the currency’s main unit, e.g. 19.99 for $19.99 or 500 for ¥500. Converted exactly; too many decimals are refused, never rounded.',
});

export const currencyField = defineInputField({
	key: 'currency',
	label: 'Currency',
	type: 'string',
	required: true,
	default: 'usd',
	helpText: 'Three-letter ISO code, e.g. usd, eur, jpy.',
});

export const metadataField = defineInputField({
	key: 'metadata',
	label: 'Metadata',
	dict: true,
	required: false,
	helpText:
		'Key–value pairs stored on the Stripe object, e.g. order_id. Find Payment can look payments up by them.',
});

export const referenceField = defineInputField({
	key: 'reference',
	label: 'Reference (for safe retries)',
	type: 'string',
	required: false,
	helpText:
		'Something that identifies this one operation, such as an order id. Replaying the Zap with the same reference never repeats it. When empty, the step’s input values are the reference.',
});
