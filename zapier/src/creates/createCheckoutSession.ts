import type Stripe from 'stripe';
import { defineCreate, defineInputFields } from 'zapier-platform-core';

import { amountField, currencyField, metadataField, referenceField } from '../fields';
import { metadataOf, optionalText, requiredText } from '../inputs';
import { singleProductLine } from '../lineItem';
import { moneyOutput } from '../output';
import { createPerform } from '../step';

const inputFields = defineInputFields([
	{ key: 'productName', label: 'Product Name', type: 'string', required: true },
	amountField,
	currencyField,
	{ key: 'quantity', label: 'Quantity', type: 'integer', required: false, default: '1' },
	{
		key: 'successUrl',
		label: 'Success URL',
		type: 'string',
		required: true,
		helpText:
			'Where Stripe sends the customer after paying. {CHECKOUT_SESSION_ID} in it is replaced by the session id. Arriving there is not proof of payment: trigger on Payment Succeeded.',
	},
	{ key: 'cancelUrl', label: 'Cancel URL', type: 'string', required: false },
	{
		key: 'customerId',
		label: 'Customer ID',
		type: 'string',
		required: false,
		helpText: 'cus_…; or give an email instead.',
	},
	{ key: 'customerEmail', label: 'Customer Email', type: 'string', required: false },
	{
		key: 'clientReferenceId',
		label: 'Client Reference ID',
		type: 'string',
		required: false,
		helpText: 'Your order id; it comes back on the session and in the trigger.',
	},
	metadataField,
	referenceField,
]);

export function checkoutSessionParams(
	inputData: Record<string, unknown>,
): Stripe.Checkout.SessionCreateParams {
	const metadata = metadataOf(inputData.metadata);
	const customer = optionalText(inputData.customerId);
	return {
		mode: 'payment',
		line_items: [singleProductLine(inputData)],
		success_url: requiredText(inputData.successUrl, 'Success URL', 'https://example.com/thanks'),
		cancel_url: optionalText(inputData.cancelUrl),
		customer,
		customer_email: customer ? undefined : optionalText(inputData.customerEmail),
		client_reference_id: optionalText(inputData.clientReferenceId),
		metadata,
		// The payment intent carries the metadata too, so Find Payment and the triggers see it.
		payment_intent_data: metadata ? { metadata } : undefined,
	};
}

const perform = createPerform(
	{
		key: 'create_checkout_session',
		fields: inputFields,
		path: '/v1/checkout/sessions',
		params: (inputData) => ({ ...checkoutSessionParams(inputData) }),
	},
	moneyOutput,
);

export const createCheckoutSession = defineCreate({
	key: 'create_checkout_session',
	noun: 'Checkout Session',
	display: {
		label: 'Create Checkout Session',
		description:
			'Creates a Stripe-hosted payment page for one product and returns its URL to send the customer. Card details never pass through Zapier.',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 'cs_test_123',
			object: 'checkout.session',
			url: 'https://checkout.stripe.com/c/pay/cs_test_123',
			status: 'open',
			payment_status: 'unpaid',
			amount_total: 1999,
			currency: 'usd',
			payment: {
				gateway: 'stripe',
				kind: 'checkout',
				id: 'cs_test_123',
				status: 'open',
				paid: false,
				amount: '19.99',
				amountMinor: 1999,
				currency: 'usd',
				nextStep: 'wait_for_payment',
				nextStepUrl: 'https://checkout.stripe.com/c/pay/cs_test_123',
			},
			idempotencyKey: 'paywire-0123abcd',
		},
		outputFields: [
			{ key: 'id', label: 'Checkout Session ID' },
			{ key: 'url', label: 'Checkout URL' },
			{ key: 'payment__amount', label: 'Amount' },
			{ key: 'payment__status', label: 'Status' },
			{ key: 'idempotencyKey', label: 'Idempotency Key' },
		],
	},
});
