import type Stripe from 'stripe';
import { defineCreate, defineInputFields } from 'zapier-platform-core';

import { PaymentInputError } from '../../../core/errors';
import { paymentRetrievePath, refundAmountInMinorUnits } from '../../../core/stripe/refundAmount';
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
		helpText:
			'Optional check. A refund is always in the payment’s own currency (Paywire reads it from Stripe); a different currency entered here refuses the refund.',
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
	{
		...referenceField,
		helpText:
			'Identifies this one refund, such as the return or order id. **Needed for a partial refund**: two refunds with the same reference refund once (a replayed Zap included), two with different references are two refunds. A full refund without one is keyed by its input.',
	},
]);

/**
 * The refund request: a partial amount is converted with the currency of the payment itself, read
 * from Stripe first (core's refundAmountInMinorUnits); a typed currency is only checked. A partial
 * refund needs a Reference: without it two genuine refunds of the same amount on one payment would
 * share an idempotency key and the second would silently replay the first. A full refund cannot
 * genuinely happen twice, so its input is its key.
 */
export async function refundParams(
	inputData: Record<string, unknown>,
	read: (path: string) => Promise<Record<string, unknown>>,
): Promise<Stripe.RefundCreateParams> {
	const paymentId = stripeId(inputData.paymentId, 'Payment ID', ['pi_', 'ch_']);
	const amountText = optionalText(inputData.amount);
	if (amountText !== undefined && optionalText(inputData.reference) === undefined) {
		throw new PaymentInputError(
			'Reference',
			'is needed for a partial refund (Amount is set): without it two refunds of the same amount on one payment would be taken for one.',
			'Map something that identifies this refund, such as the return or order id.',
		);
	}
	const amount =
		amountText === undefined
			? undefined
			: refundAmountInMinorUnits(
					amountText,
					await read(paymentRetrievePath(paymentId)),
					optionalText(inputData.currency),
				);
	return {
		payment_intent: paymentId.startsWith('pi_') ? paymentId : undefined,
		charge: paymentId.startsWith('ch_') ? paymentId : undefined,
		amount,
		reason: optionalText(inputData.reason) as Stripe.RefundCreateParams.Reason | undefined,
		metadata: metadataOf(inputData.metadata),
	};
}

const perform = createPerform(
	{
		key: 'create_refund',
		fields: inputFields,
		path: '/v1/refunds',
		params: async (inputData, read) => ({ ...(await refundParams(inputData, read)) }),
	},
	moneyOutput,
);

export const createRefund = defineCreate({
	key: 'create_refund',
	noun: 'Refund',
	display: {
		label: 'Create Refund',
		description:
			'Refunds a payment in full or in part, in the payment’s own currency. A replayed Zap refunds once; a partial refund needs a Reference so two genuine refunds are never taken for one.',
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
			idempotentReplayed: false,
		},
		outputFields: [
			{ key: 'id', label: 'Refund ID' },
			{ key: 'status', label: 'Status' },
			{ key: 'payment__amount', label: 'Amount Refunded' },
			{ key: 'idempotencyKey', label: 'Idempotency Key' },
			{ key: 'idempotentReplayed', label: 'Replayed (No New Refund)', type: 'boolean' },
		],
	},
});
