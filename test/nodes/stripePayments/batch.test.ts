import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { NODE_UNDER_TEST } from '../harness';
import {
	EACH_ITEMS_PAYMENT_INTENT,
	fullRefundParameters,
	runStripePayments,
	stripeMock,
	useStripeTestHooks,
} from './support';

const refundEach = fullRefundParameters(EACH_ITEMS_PAYMENT_INTENT, {
	batching: { concurrency: 4 },
});

describe('Stripe Payments › batches (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('keeps input order and pairing while items finish out of order, one key per item', async () => {
		const { scope, requests } = stripeMock();
		const items = Array.from({ length: 8 }, (_, index) => ({ paymentIntent: `pi_${index}` }));
		scope
			.post('/v1/refunds')
			.times(items.length)
			.reply((_uri, body, respond) => {
				const paymentIntent = new URLSearchParams(String(body)).get('payment_intent') ?? '';
				const refund = { ...stripeFixture('refund'), id: `re_for_${paymentIntent}` };
				// Earlier items answer later, so completion order differs from input order.
				const answerAfterMs = 40 - Number(paymentIntent.slice(3)) * 5;
				setTimeout(() => respond(null, [200, refund]), answerAfterMs);
			});

		const { output, error } = await runStripePayments(refundEach, { items });

		assert.equal(error, undefined);
		assert.equal(requests.length, 8);
		assert.deepEqual(
			output.map((item) => [item.json.id, item.pairedItem]),
			items.map((item, index) => [`re_for_${item.paymentIntent}`, { item: index }]),
		);
		const keys = requests.map((request) => request.headers['idempotency-key']);
		assert.equal(new Set(keys).size, 8);
		assert.deepEqual(
			output.map((item) => item.json.idempotencyKey),
			requests
				.slice()
				.sort((a, b) => a.form.payment_intent.localeCompare(b.form.payment_intent))
				.map((request) => request.headers['idempotency-key']),
		);
	});

	it('with Continue on fail, a failed item keeps its place and the others go through', async () => {
		const { scope } = stripeMock();
		scope
			.post('/v1/refunds')
			.times(5)
			.reply((_uri, body) => {
				const paymentIntent = new URLSearchParams(String(body)).get('payment_intent');
				if (paymentIntent === 'pi_2') {
					return [
						400,
						{
							error: {
								type: 'invalid_request_error',
								code: 'charge_already_refunded',
								message: 'Already refunded',
							},
						},
					];
				}
				return [200, { ...stripeFixture('refund'), id: `re_for_${paymentIntent}` }];
			});
		const items = Array.from({ length: 5 }, (_, index) => ({ paymentIntent: `pi_${index}` }));
		const { output } = await runStripePayments(refundEach, { items, continueOnFail: true });

		assert.deepEqual(
			output.map((item) => item.json.id ?? (item.json.error as IDataObject).code),
			['re_for_pi_0', 're_for_pi_1', 'charge_already_refunded', 're_for_pi_3', 're_for_pi_4'],
		);
		assert.deepEqual(
			output.map((item) => item.pairedItem),
			items.map((_, index) => ({ item: index })),
		);
	});

	it('with "continue (using error output)", failed items go to the error output with their input', async () => {
		const { scope } = stripeMock();
		scope
			.post('/v1/refunds')
			.times(3)
			.reply((_uri, body) => {
				const paymentIntent = new URLSearchParams(String(body)).get('payment_intent');
				if (paymentIntent === 'pi_1') {
					return [
						402,
						{ error: { type: 'card_error', code: 'card_declined', message: 'Declined' } },
					];
				}
				return [200, { ...stripeFixture('refund'), id: `re_for_${paymentIntent}` }];
			});
		const items = Array.from({ length: 3 }, (_, index) => ({ paymentIntent: `pi_${index}` }));
		const { outputs } = await runStripePayments(refundEach, {
			items,
			onError: 'continueErrorOutput',
		});
		const [success, failed] = outputs[NODE_UNDER_TEST];

		assert.deepEqual(
			success.map((item) => item.json.id),
			['re_for_pi_0', 're_for_pi_2'],
		);
		assert.equal(failed.length, 1);
		assert.equal(failed[0].json.paymentIntent, 'pi_1');
		assert.equal((failed[0].json.error as IDataObject).nextStep, 'ask_for_new_payment_method');
	});
});
