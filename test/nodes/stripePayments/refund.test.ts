import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { stripeFixture } from '../../fixtures/stripe';
import {
	byId,
	fullRefundParameters,
	runStripePayments,
	STRIPE_API_VERSION,
	stripeMock,
	useStripeTestHooks,
	TEST_KEY,
} from './support';

describe('Stripe Payments › Refund (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('create: full refund of a payment intent, with reason, metadata and an idempotency key', async () => {
		const refund = { ...stripeFixture('refund'), id: 're_1', payment_intent: 'pi_1', amount: 1000 };
		const { scope, requests } = stripeMock();
		scope.post('/v1/refunds').reply(200, refund, { 'request-id': 'req_1' });

		const { output, error } = await runStripePayments({
			resource: 'refund',
			operation: 'create',
			refundSource: 'paymentIntent',
			paymentIntent: byId('pi_1'),
			amountType: 'full',
			reason: 'requested_by_customer',
			metadata: { entries: [{ key: 'order_id', value: '42' }] },
		});

		assert.equal(error, undefined);
		assert.equal(requests.length, 1);
		const [request] = requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/v1/refunds');
		assert.equal(
			request.rawBody,
			'payment_intent=pi_1&reason=requested_by_customer&metadata[order_id]=42',
		);
		assert.equal(request.headers['stripe-version'], STRIPE_API_VERSION);
		assert.equal(request.headers.authorization, `Bearer ${TEST_KEY}`);
		assert.match(request.headers['idempotency-key'], /^paywire-[0-9a-f]{64}$/);
		assert.equal(output.length, 1);
		assert.equal(output[0].json.id, 're_1');
		assert.equal(output[0].json.idempotencyKey, request.headers['idempotency-key']);
		assert.equal((output[0].json.payment as Record<string, unknown>).kind, 'refund');
		assert.deepEqual(output[0].pairedItem, { item: 0 });
	});

	it('create: partial refund in the currency of the payment (read from Stripe, exact minor units)', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/payment_intents/pi_jpy')
			.reply(200, { ...stripeFixture('payment_intent'), id: 'pi_jpy', currency: 'jpy' });
		scope.post('/v1/refunds').reply(200, { ...stripeFixture('refund'), id: 're_2', amount: 1200 });

		const { output } = await runStripePayments({
			resource: 'refund',
			operation: 'create',
			refundSource: 'paymentIntent',
			paymentIntent: byId('pi_jpy'),
			amountType: 'partial',
			amount: '1200',
		});

		assert.deepEqual(
			requests.map((r) => `${r.method} ${r.path}`),
			['GET /v1/payment_intents/pi_jpy', 'POST /v1/refunds'],
		);
		assert.equal(requests[0].headers['idempotency-key'], undefined);
		assert.equal(requests[1].rawBody, 'payment_intent=pi_jpy&amount=1200');
		assert.equal(output[0].json.id, 're_2');
	});

	it('create: refund of a charge', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/refunds').reply(200, { ...stripeFixture('refund'), id: 're_3' });
		await runStripePayments({
			resource: 'refund',
			operation: 'create',
			refundSource: 'charge',
			chargeId: 'ch_1',
			amountType: 'full',
		});
		assert.equal(requests[0].rawBody, 'charge=ch_1');
	});

	it('create: the same Stripe event replays the same key in a second execution', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/refunds')
			.times(3)
			.reply(200, { ...stripeFixture('refund'), id: 're_4' });
		const parameters = fullRefundParameters('pi_1');
		const event = { event: { id: 'evt_redelivered', type: 'payment.succeeded' } };
		await runStripePayments(parameters, { items: [event] });
		await runStripePayments(parameters, { items: [event] });
		await runStripePayments(parameters, { items: [{ event: { id: 'evt_other' } }] });
		const keys = requests.map((r) => r.headers['idempotency-key']);
		assert.equal(keys[0], keys[1]);
		assert.notEqual(keys[0], keys[2]);
	});

	it('create: a Custom key follows its expression per item, and is in the output', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/refunds')
			.times(2)
			.reply(200, { ...stripeFixture('refund'), id: 're_5' });
		const { output } = await runStripePayments(
			fullRefundParameters('pi_1', {
				idempotency: { keyMode: 'custom', customKey: '={{ $json.orderId }}' },
			}),
			{ items: [{ orderId: 'A-1' }, { orderId: 'A-2' }] },
		);
		const keys = requests.map((r) => r.headers['idempotency-key']);
		assert.equal(keys.length, 2);
		assert.notEqual(keys[0], keys[1]);
		assert.deepEqual(
			output.map((item) => item.json.idempotencyKey),
			keys,
		);
	});

	it('get, list (return all across pages), cancel and update metadata', async () => {
		const { scope, requests } = stripeMock();
		const refund = (id: string) => ({ ...stripeFixture('refund'), id });
		scope.get('/v1/refunds/re_1').reply(200, refund('re_1'));
		scope
			.get('/v1/refunds')
			.query({ payment_intent: 'pi_1', limit: '100' })
			.reply(200, { object: 'list', data: [refund('re_a'), refund('re_b')], has_more: true });
		scope
			.get('/v1/refunds')
			.query({ payment_intent: 'pi_1', limit: '100', starting_after: 're_b' })
			.reply(200, { object: 'list', data: [refund('re_c')], has_more: false });
		scope.post('/v1/refunds/re_1/cancel').reply(200, { ...refund('re_1'), status: 'canceled' });
		scope.post('/v1/refunds/re_1').reply(200, { ...refund('re_1'), metadata: { note: 'vip' } });

		const got = await runStripePayments({ resource: 'refund', operation: 'get', refundId: 're_1' });
		assert.equal(got.output[0].json.id, 're_1');
		assert.equal((got.output[0].json.payment as Record<string, unknown>).kind, 'refund');

		const listed = await runStripePayments({
			resource: 'refund',
			operation: 'list',
			returnAll: true,
			filters: { payment_intent: 'pi_1' },
		});
		assert.deepEqual(
			listed.output.map((item) => item.json.id),
			['re_a', 're_b', 're_c'],
		);

		const canceled = await runStripePayments({
			resource: 'refund',
			operation: 'cancel',
			refundId: 're_1',
		});
		assert.equal(canceled.output[0].json.status, 'canceled');

		await runStripePayments({
			resource: 'refund',
			operation: 'updateMetadata',
			refundId: 're_1',
			metadata: { entries: [{ key: 'note', value: 'vip' }] },
		});
		const update = requests.at(-1)!;
		assert.equal(update.rawBody, 'metadata[note]=vip');
		assert.match(update.headers['idempotency-key'], /^paywire-/);
		assert.ok(scope.isDone());
	});

	it('failure: refunding an already refunded charge is not retried and says do_not_retry', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/refunds').reply(400, {
			error: {
				type: 'invalid_request_error',
				code: 'charge_already_refunded',
				message: 'Charge ch_1 has already been refunded.',
			},
		});
		const { output } = await runStripePayments(
			{
				resource: 'refund',
				operation: 'create',
				refundSource: 'charge',
				chargeId: 'ch_1',
				amountType: 'full',
			},
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 1);
		const error = output[0].json.error as Record<string, unknown>;
		assert.equal(error.nextStep, 'do_not_retry');
		assert.equal(error.code, 'charge_already_refunded');
	});
});
