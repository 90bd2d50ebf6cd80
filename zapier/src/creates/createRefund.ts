import type Stripe from 'stripe';
import { defineCreate, defineInputFields } from 'zapier-platform-core';

import { PaymentInputError } from '../../../core/errors';
import { toMinorUnits } from '../../../core/payments/amounts';
import { metadataField, referenceField } from '../fields';
import { metadataOf, optionalText, stripeId } from '../inputs';
import { moneyOutput } from '../output';
import { createPerform } from '../step';

const inputFields = defineInputFields([
	{
		key: 'paymentId',
		label: 'Payment ID',
		type: 'string',
		required: true,
		helpText: 'The payment intent (pi_…) or charge (ch_…) to refund, e.g. from Payment Succeeded.',
	},
	{
		key: 'amount',
		label: 'Amount',
		type: 'string',
		required: false,
		helpText: 'Decimal amount to refund, e.g. 5.00. Empty: everything not yet refunded.',
	},
	{
		key: 'currency',
		label: 'Currency',
		type: 'string',
		required: false,
		helpText: 'Needed with Amount: the payment’s currency, e.g. usd.',
	},
	{
		key: 'reason',
		label: 'Reason',
		required: false,
		choices: [
			{
				value: 'requested_by_customer',
				label: 'Requested by customer',
				sample: 'requested_by_customer',
			},
			{ value: 'duplicate', label: 'Duplicate', sample: 'duplicate' },
			{ value: 'fraudulent', label: 'Fraudulent', sample: 'fraudulent' },
		],
	},
	metadataField,
	referenceField,
]);

export function refundParams(inputData: Record<string, unknown>): Stripe.RefundCreateParams {
	const paymentId = stripeId(inputData.paymentId, 'Payment ID', ['pi_', 'ch_']);
	const amountText = optionalText(inputData.amount);
	const currency = optionalText(inputData.currency)?.toLowerCase();
	if (amountText !== undefined && currency === undefined) {
		throw new PaymentInputError(
			'Currency',
			'is needed when Amount is set.',
			'Enter the payment’s currency, e.g. usd.',
		);
	}
	return {
		payment_intent: paymentId.startsWith('pi_') ? paymentId : undefined,
		charge: paymentId.startsWith('ch_') ? paymentId : undefined,
		amount:
			amountText === undefined
				? undefined
				: toMinorUnits(amountText, currency!, 'Amount', 'refund'),
		reason: optionalText(inputData.reason) as Stripe.RefundCreateParams.Reason | undefined,
		metadata: metadataOf(inputData.metadata),
	};
}

const perform = createPerform(
	{
		key: 'create_refund',
		fields: inputFields,
		path: '/v1/refunds',
		params: (inputData) => ({ ...refundParams(inputData) }),
	},
	moneyOutput,
);

export const createRefund = defineCreate({
	key: 'create_refund',
	noun: 'Refund',
	display: {
		label: 'Create Refund',
		description:
			'Refunds a payment in full or in part. A replayed Zap with the same input refunds once: Stripe returns the first refund.',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 're_123',
			object: 'refund',
			amount: 500,
			currency: 'usd',
			status: 'succeeded',
			payment_intent: 'pi_123',
			payment: {
				gateway: 'stripe',
				kind: 'refund',
				id: 're_123',
				status: 'succeeded',
				paid: true,
				amount: '5.00',
				amountMinor: 500,
				currency: 'usd',
				paymentId: 'pi_123',
				nextStep: 'none',
			},
			idempotencyKey: 'paywire-0123abcd',
		},
		outputFields: [
			{ key: 'id', label: 'Refund ID' },
			{ key: 'status', label: 'Status' },
			{ key: 'payment__amount', label: 'Amount Refunded' },
			{ key: 'idempotencyKey', label: 'Idempotency Key' },
		],
	},
});
