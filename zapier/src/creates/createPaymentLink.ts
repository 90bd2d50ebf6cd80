import type Stripe from 'stripe';
import { defineCreate, defineInputFields } from 'zapier-platform-core';

import { amountField, currencyField, metadataField, referenceField } from '../fields';
import { metadataOf, optionalText } from '../inputs';
import { singleProductLine } from '../lineItem';
import { moneyOutput } from '../output';
import { createPerform } from '../step';

const inputFields = defineInputFields([
	{ key: 'productName', label: 'Product Name', type: 'string', required: true },
	amountField,
	currencyField,
	{ key: 'quantity', label: 'Quantity', type: 'integer', required: false, default: '1' },
	{
		key: 'redirectUrl',
		label: 'Redirect URL After Payment',
		type: 'string',
		required: false,
		helpText: 'Empty: Stripe shows its own confirmation page.',
	},
	metadataField,
	referenceField,
]);

export function paymentLinkParams(
	inputData: Record<string, unknown>,
): Stripe.PaymentLinkCreateParams {
	const metadata = metadataOf(inputData.metadata);
	const redirectUrl = optionalText(inputData.redirectUrl);
	return {
		line_items: [singleProductLine(inputData)],
		after_completion: redirectUrl
			? { type: 'redirect', redirect: { url: redirectUrl } }
			: undefined,
		metadata,
		payment_intent_data: metadata ? { metadata } : undefined,
	};
}

const perform = createPerform(
	{
		key: 'create_payment_link',
		fields: inputFields,
		path: '/v1/payment_links',
		params: (inputData) => ({ ...paymentLinkParams(inputData) }),
	},
	moneyOutput,
);

export const createPaymentLink = defineCreate({
	key: 'create_payment_link',
	noun: 'Payment Link',
	display: {
		label: 'Create Payment Link',
		description:
			'Creates a reusable Stripe-hosted payment link for one product (for emails, invoices, chats). Every payment through it triggers Payment Succeeded.',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 'plink_123',
			object: 'payment_link',
			url: 'https://buy.stripe.com/test_123',
			active: true,
			payment: {
				gateway: 'stripe',
				kind: 'payment_link',
				id: 'plink_123',
				status: 'open',
				paid: false,
				nextStep: 'wait_for_payment',
				nextStepUrl: 'https://buy.stripe.com/test_123',
			},
			idempotencyKey: 'paywire-0123abcd',
		},
		outputFields: [
			{ key: 'id', label: 'Payment Link ID' },
			{ key: 'url', label: 'Payment Link URL' },
			{ key: 'idempotencyKey', label: 'Idempotency Key' },
		],
	},
});
