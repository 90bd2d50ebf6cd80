import type { INodeProperties } from 'n8n-workflow';

import { stripeResourceLocator } from '../../helpers/resourceLocators';

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	required: true,
	default: '',
	placeholder: '49.99',
	description:
		'A decimal in the currency (49.99 USD, 5000 JPY, 1.250 KWD); converted exactly to the smallest unit',
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	required: true,
	default: 'usd',
	placeholder: 'usd',
	description: 'Three-letter ISO code, such as usd, eur or jpy',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Shown in the Stripe Dashboard and on receipts',
};

export const captureField: INodeProperties = {
	displayName: 'Capture',
	name: 'captureMethod',
	type: 'options',
	default: 'automatic',
	options: [
		{ name: 'Now', value: 'automatic', description: 'Take the money immediately' },
		{
			name: 'Later',
			value: 'manual',
			description:
				'Only authorise now; capture with the Capture operation (within 7 days for cards)',
		},
	],
};

/** A saved payment method by ID (pm_…); each operation says what it does with it. */
export function paymentMethodIdField(description: string): INodeProperties {
	return {
		displayName: 'Payment Method ID',
		name: 'paymentMethodId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'pm_1MqLiJLkdIwHu7ixUEgbFdYF',
		description,
	};
}

export const paymentIntentLocator = stripeResourceLocator('paymentIntent', {
	name: 'paymentIntent',
	description: 'The payment (payment intent, pi_…)',
});
