import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentError, PaymentInputError } from '../../core/errors';
import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { callStripe, DEFAULT_RETRY_POLICY } from '../../core/stripe/client';
import { scriptedGateway } from '../helpers/scriptedGateway';

const refund = { id: 're_123', object: 'refund', status: 'succeeded', amount: 500 };
const refundCall = {
	method: 'POST' as const,
	path: '/v1/refunds',
	params: { payment_intent: 'pi_123', amount: 500 },
	idempotencyKey: 'paywire-refund-1',
};

describe('callStripe', () => {
	it('returns the body with request id, key, attempts and replay flag', async () => {
		const { io, sent } = scriptedGateway([
			{
				status: 200,
				headers: { 'request-id': 'req_1', 'idempotent-replayed': 'true' },
				body: refund,
			},
		]);
		const result = await callStripe(refundCall, io);
		assert.deepEqual(result, {
			body: refund,
			status: 200,
			requestId: 'req_1',
			idempotencyKey: 'paywire-refund-1',
			attempts: 1,
			idempotentReplayed: true,
		});
		assert.equal(sent[0].headers['Stripe-Version'], STRIPE_API_VERSION);
		assert.equal(sent[0].body, 'payment_intent=pi_123&amount=500');
	});

	it('retries a 503 and a reset with the same key, reporting the attempts', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const { io, sent, slept } = scriptedGateway(
			[
				{ status: 503, headers: {}, body: { error: { type: 'api_error' } } },
				reset,
				{ status: 200, headers: { 'request-id': 'req_3' }, body: refund },
			],
			0.5,
		);
		const result = await callStripe(refundCall, io);
		assert.equal(result.attempts, 3);
		assert.equal(result.idempotentReplayed, false);
		assert.deepEqual(
			new Set(sent.map((request) => request.headers['Idempotency-Key'])),
			new Set(['paywire-refund-1']),
		);
		assert.deepEqual(slept, [500, 750]);
	});

	it('throws an interpreted PaymentError for a decline, after one attempt', async () => {
		const { io, sent } = scriptedGateway([
			{
				status: 402,
				headers: { 'request-id': 'req_d' },
				body: {
					error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' },
				},
			},
		]);
		await assert.rejects(callStripe(refundCall, io), (error: unknown) => {
			assert.ok(error instanceof PaymentError);
			assert.equal(error.details.category, 'card_declined');
			assert.equal(error.details.nextStep, 'retry_later');
			assert.equal(error.details.requestId, 'req_d');
			return true;
		});
		assert.equal(sent.length, 1);
	});

	it('gives up on a persistent 429 after the policy attempts and says so', async () => {
		const limited = {
			status: 429,
			headers: {},
			body: { error: { type: 'invalid_request_error', code: 'rate_limit' } },
		};
		const { io, sent } = scriptedGateway([limited, limited, limited, limited, limited]);
		await assert.rejects(callStripe(refundCall, io), (error: unknown) => {
			assert.ok(error instanceof PaymentError);
			assert.equal(error.details.category, 'rate_limited');
			assert.match(error.message, /4 attempts made/);
			return true;
		});
		assert.equal(sent.length, DEFAULT_RETRY_POLICY.maxAttempts);
	});

	it('turns a connection failure into a PaymentError without leaking the key', async () => {
		const failure = Object.assign(new Error('Authorization: Bearer sk_live_51Leak'), {
			code: 'ETIMEDOUT',
		});
		const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
		const { io } = scriptedGateway([failure]);
		await assert.rejects(callStripe(refundCall, { ...io, policy }), (error: unknown) => {
			assert.ok(error instanceof PaymentError);
			assert.equal(error.details.category, 'connection');
			assert.doesNotMatch(error.message, /51Leak/);
			return true;
		});
	});

	it('refuses a POST without an idempotency key before sending anything', async () => {
		const { io, sent } = scriptedGateway([]);
		await assert.rejects(
			callStripe({ method: 'POST', path: '/v1/refunds', params: {} }, io),
			PaymentInputError,
		);
		assert.equal(sent.length, 0);
	});

	it('treats a 200 that is not a JSON object as a gateway problem', async () => {
		const { io } = scriptedGateway([
			{ status: 200, headers: {}, body: '<html>captive portal</html>' },
		]);
		await assert.rejects(
			callStripe({ method: 'GET', path: '/v1/refunds/re_1' }, io),
			(error: unknown) => {
				assert.ok(error instanceof PaymentError);
				assert.equal(error.details.category, 'gateway_unavailable');
				return true;
			},
		);
	});

	it('sends GET params as a query string and no idempotency key', async () => {
		const { io, sent } = scriptedGateway([
			{ status: 200, headers: {}, body: { object: 'list', data: [] } },
		]);
		const result = await callStripe(
			{ method: 'GET', path: '/v1/payment_intents', params: { limit: 1 }, stripeAccount: 'acct_9' },
			io,
		);
		assert.equal(sent[0].url, 'https://api.stripe.com/v1/payment_intents?limit=1');
		assert.equal(sent[0].headers['Stripe-Account'], 'acct_9');
		assert.equal(result.idempotencyKey, undefined);
	});
});
