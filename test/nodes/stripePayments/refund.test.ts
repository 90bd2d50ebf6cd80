import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import nock from 'nock';

import { stripeFixture } from '../../fixtures/stripe';
import {
	byId,
	restoreRetries,
	runStripePayments,
	STRIPE_API_VERSION,
	stripeMock,
	TEST_KEY,
	useFastRetries,
} from './support';

describe('Stripe Payments › Refund (workflow through n8n-core)', () => {
	before(() => {
		nock.disableNetConnect();
		useFastRetries();
	});
	afterEach(() => nock.cleanAll());
	after(() => {
		nock.enableNetConnect();
		restoreRetries();
	});

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
});
