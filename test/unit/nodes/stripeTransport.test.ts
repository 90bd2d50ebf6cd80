import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inspect } from 'node:util';

import { DEFAULT_RETRY_POLICY } from '../../../core/stripe/client';
import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { paymentErrorDetailsOf } from '../../../nodes/shared/nodeErrors';
import {
	stripeApiRequest,
	stripeApiRequestAllItems,
	stripeTransportSettings,
} from '../../../nodes/shared/stripeTransport';
import { fakeLoadOptionsContext } from './fakeLoadOptionsContext';

describe('stripeApiRequest (n8n transport)', () => {
	before(() => {
		stripeTransportSettings.retryPolicy = {
			...DEFAULT_RETRY_POLICY,
			baseDelayMs: 1,
			maxDelayMs: 2,
		};
	});
	after(() => {
		stripeTransportSettings.retryPolicy = DEFAULT_RETRY_POLICY;
	});

	it('sends core’s request: pre-encoded body, pinned version, key, Connect account, base URL', async () => {
		const { context, sent } = fakeLoadOptionsContext(
			[{ status: 200, body: '{"id":"re_1"}', headers: { 'Request-Id': 'req_9' } }],
			{
				secretKey: 'rk_live_abc',
				mode: 'live',
				stripeAccount: 'acct_1',
				baseUrl: 'http://127.0.0.1:9/',
			},
		);
		const result = await stripeApiRequest.call(context, {
			method: 'POST',
			path: '/v1/refunds',
			params: { payment_intent: 'pi_1', metadata: { order: '42' } },
			idempotencyKey: 'key-1',
		});
		assert.deepEqual(result.body, { id: 're_1' });
		assert.equal(result.requestId, 'req_9');
		assert.equal(sent[0].url, 'http://127.0.0.1:9/v1/refunds');
		assert.equal(sent[0].body, 'payment_intent=pi_1&metadata[order]=42');
		assert.equal(sent[0].returnFullResponse, true);
		assert.equal(sent[0].ignoreHttpStatusErrors, true);
		assert.deepEqual(sent[0].headers, {
			'Stripe-Version': STRIPE_API_VERSION,
			'Stripe-Account': 'acct_1',
			'Idempotency-Key': 'key-1',
			'Content-Type': 'application/x-www-form-urlencoded',
		});
	});

	it('refuses a key of the other mode before sending anything, without echoing the key', async () => {
		const { context, sent } = fakeLoadOptionsContext([], {
			secretKey: 'sk_live_zzz',
			mode: 'test',
		});
		await assert.rejects(
			stripeApiRequest.call(context, { method: 'GET', path: '/v1/customers' }),
			(error: Error) => {
				assert.equal(error.name, 'NodeOperationError');
				assert.doesNotMatch(error.message, /zzz/);
				assert.equal(paymentErrorDetailsOf(error)?.nextStep, 'fix_request');
				return true;
			},
		);
		assert.equal(sent.length, 0);
	});

	it('retries a connection reset with the same request, reading the code through n8n’s wrapper', async () => {
		const reset = Object.assign(new Error('NodeApiError: socket hang up'), {
			cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
		});
		const { context, sent } = fakeLoadOptionsContext([
			reset,
			{ status: 200, body: { id: 're_1' } },
		]);
		const result = await stripeApiRequest.call(context, {
			method: 'POST',
			path: '/v1/refunds',
			params: { charge: 'ch_1' },
			idempotencyKey: 'key-2',
		});
		assert.equal(result.attempts, 2);
		assert.deepEqual(sent[0], sent[1]);
	});

	it('after the retries, a connection failure keeps no request options (no Authorization) in the error', async () => {
		const reset = () =>
			Object.assign(new Error('socket hang up'), {
				code: 'ECONNRESET',
				config: { headers: { Authorization: 'Bearer sk_test_secret123' } },
			});
		const { context, sent } = fakeLoadOptionsContext([reset(), reset(), reset(), reset()]);
		await assert.rejects(
			stripeApiRequest.call(context, {
				method: 'POST',
				path: '/v1/refunds',
				params: { charge: 'ch_1' },
				idempotencyKey: 'key-3',
			}),
			(error: Error) => {
				assert.equal(error.name, 'NodeApiError');
				assert.equal(paymentErrorDetailsOf(error)?.nextStep, 'retry_later');
				assert.equal(paymentErrorDetailsOf(error)?.retryable, true);
				const everything = `${inspect(error, { depth: 20, showHidden: true })} ${JSON.stringify(error)}`;
				assert.doesNotMatch(everything, /secret123/);
				return true;
			},
		);
		assert.equal(sent.length, DEFAULT_RETRY_POLICY.maxAttempts);
	});

	it('turns a Stripe error into a redacted NodeApiError carrying the details', async () => {
		const { context } = fakeLoadOptionsContext([
			{
				status: 401,
				body: {
					error: {
						type: 'invalid_request_error',
						message: 'Invalid API Key provided: sk_test_********1234',
					},
				},
			},
		]);
		await assert.rejects(
			stripeApiRequest.call(context, { method: 'GET', path: '/v1/charges' }),
			(error: Error) => {
				assert.equal(error.name, 'NodeApiError');
				assert.equal(paymentErrorDetailsOf(error)?.nextStep, 'fix_credentials');
				assert.doesNotMatch(
					JSON.stringify({ ...error, message: error.message }),
					/sk_test_\*+1234/,
				);
				return true;
			},
		);
	});

	it('pages through a list with starting_after, and through search with page', async () => {
		const { context, sent } = fakeLoadOptionsContext([
			{ status: 200, body: { data: [{ id: 'a' }, { id: 'b' }], has_more: true } },
			{ status: 200, body: { data: [{ id: 'c' }], has_more: false } },
			{ status: 200, body: { data: [{ id: 's1' }], has_more: true, next_page: 'p2' } },
			{
				status: 200,
				body: { data: [{ id: 's2' }, { id: 's3' }], has_more: true, next_page: 'p3' },
			},
		]);
		const listed = await stripeApiRequestAllItems.call(context, '/v1/refunds', { charge: 'ch_1' });
		assert.deepEqual(
			listed.map((o) => o.id),
			['a', 'b', 'c'],
		);
		assert.match(sent[1].url, /[?&]starting_after=b(&|$)/);
		const found = await stripeApiRequestAllItems.call(
			context,
			'/v1/customers/search',
			{ query: 'x' },
			{ limit: 2 },
		);
		assert.deepEqual(
			found.map((o) => o.id),
			['s1', 's2'],
		);
		assert.match(sent[3].url, /[?&]page=p2(&|$)/);
		assert.match(sent[3].url, /[?&]limit=1(&|$)/);
	});
});
