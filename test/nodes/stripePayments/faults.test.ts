import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { idempotentEndpoint, type Fault } from './idempotentEndpoint';
import {
	byId,
	fullRefundParameters,
	insufficientFundsDecline,
	runStripePayments,
	stripeMock,
	useStripeTestHooks,
} from './support';

const FAULTS: Array<[string, Fault]> = [
	['500 then 200', 'server_error'],
	['409 then 200', 'conflict'],
	['connection reset (after Stripe executed) then 200', 'reset_after_execution'],
	['429 with Retry-After then 200', 'rate_limited'],
];

const chargeParameters = {
	resource: 'payment',
	operation: 'charge',
	customer: byId('cus_1'),
	paymentMethodSource: 'specific',
	paymentMethodId: 'pm_card_visa',
	amount: '49.99',
	currency: 'usd',
};

const refundParameters = fullRefundParameters('pi_paid');

let created = 0;
const newPaymentIntent = (form: Record<string, string>): IDataObject => ({
	...stripeFixture('payment_intent'),
	id: `pi_new_${++created}`,
	amount: Number(form.amount),
	currency: form.currency,
	customer: form.customer,
	status: 'succeeded',
});
const newRefund = (form: Record<string, string>): IDataObject => ({
	...stripeFixture('refund'),
	id: `re_new_${++created}`,
	payment_intent: form.payment_intent,
	status: 'succeeded',
});

describe('Stripe Payments › faults on money movements (same key, one movement)', () => {
	useStripeTestHooks();

	for (const [operation, path, parameters, create] of [
		['charge', '/v1/payment_intents', chargeParameters, newPaymentIntent],
		['refund', '/v1/refunds', refundParameters, newRefund],
	] as const) {
		for (const [name, fault] of FAULTS) {
			it(`${operation}: ${name} → one ${operation}, same key on every attempt, a success item`, async () => {
				const endpoint = idempotentEndpoint(path, [fault], create);
				const { output, error } = await runStripePayments(parameters);

				assert.equal(error, undefined);
				assert.equal(endpoint.requests.length, 2);
				const keys = endpoint.requests.map((request) => request.headers['idempotency-key']);
				assert.equal(new Set(keys).size, 1);
				assert.deepEqual(endpoint.requests[0].form, endpoint.requests[1].form);
				assert.equal(endpoint.moneyMovements(), 1);
				assert.equal(output.length, 1);
				assert.equal(output[0].json.id, [...endpoint.stored.values()][0].id);
				assert.equal(output[0].json.idempotencyKey, keys[0]);
				assert.equal((output[0].json.payment as IDataObject).paid, true);
				assert.equal(output[0].json.error, undefined);
			});
		}
	}

	it('charge: a 402 decline is not retried and ends in the structured error with its next step', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents').reply(
			402,
			insufficientFundsDecline({
				payment_intent: { id: 'pi_declined', object: 'payment_intent' },
			}),
			{ 'request-id': 'req_decline' },
		);
		const { output } = await runStripePayments(chargeParameters, { continueOnFail: true });

		assert.equal(requests.length, 1);
		assert.equal(output.length, 1);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'retry_later');
		assert.equal(error.type, 'card_error');
		assert.equal(error.code, 'card_declined');
		assert.equal(error.declineCode, 'insufficient_funds');
		assert.equal(error.retryable, false);
		assert.equal(error.requestId, 'req_decline');
		assert.equal(error.docUrl, 'https://stripe.com/docs/error-codes/card-declined');
		assert.equal(typeof error.userMessage, 'string');
	});

	it('charge: without Continue on fail the decline stops the workflow with a plain-language NodeApiError', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents').reply(402, {
			error: {
				type: 'card_error',
				code: 'card_declined',
				decline_code: 'stolen_card',
				message: 'Declined',
			},
		});
		const { error } = await runStripePayments(chargeParameters);

		assert.equal(requests.length, 1);
		assert.ok(error);
		assert.equal(error.name, 'NodeApiError');
		// The builder's message may name the code; the customer-facing wording never does.
		assert.match(error.description ?? '', /^Your card was declined\..*Next step: review_for_fraud/);
		assert.doesNotMatch(error.description ?? '', /stolen/i);
		assert.doesNotMatch(JSON.stringify(error), /sk_test_123/);
	});
});
