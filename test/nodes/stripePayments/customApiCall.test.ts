import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { idempotentEndpoint } from './idempotentEndpoint';
import { assertStripeRequest } from './expectRequest';
import {
	customApiCall as call,
	runStripePayments,
	stripeMock,
	TEST_KEY,
	useStripeTestHooks,
} from './support';

const balance = { object: 'balance', available: [{ amount: 0, currency: 'usd' }], livemode: false };

describe('Stripe Payments › Custom API Call (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('GET without parameters: one item, the pinned version, no idempotency key', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/balance').reply(200, balance);

		const { output, error } = await runStripePayments(call({ method: 'GET', path: '/v1/balance' }));

		assert.equal(error, undefined);
		assertStripeRequest(requests[0], { method: 'GET', path: '/v1/balance' });
		assert.deepEqual(output[0].json, balance);
	});

	it('GET: key/value parameters in bracket notation; a list is split into items', async () => {
		const { scope, requests } = stripeMock();
		const charges = [
			{ ...stripeFixture('charge'), id: 'ch_a' },
			{ ...stripeFixture('charge'), id: 'ch_b' },
		];
		scope
			.get('/v1/charges')
			.query(true)
			.reply(200, { object: 'list', data: charges, has_more: false });

		const { output } = await runStripePayments(
			call({
				method: 'GET',
				path: 'https://api.stripe.com/v1/charges?limit=2',
				parameters: {
					entries: [
						{ name: 'expand[]', value: 'data.customer' },
						{ name: 'expand[]', value: 'data.invoice' },
					],
				},
			}),
		);

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/charges',
			query: { limit: '2', 'expand[0]': 'data.customer', 'expand[1]': 'data.invoice' },
		});
		assert.deepEqual(
			output.map((item) => item.json.id),
			['ch_a', 'ch_b'],
		);
	});

	it('GET with Split Lists off: the list object as one item', async () => {
		const { scope } = stripeMock();
		scope
			.get('/v1/charges')
			.reply(200, { object: 'list', data: [], has_more: false, url: '/v1/charges' });

		const { output } = await runStripePayments(
			call({ method: 'GET', path: '/v1/charges', splitLists: false }),
		);

		assert.equal(output.length, 1);
		assert.equal(output[0].json.object, 'list');
	});

	it('POST with JSON parameters: nested form body, idempotency key, key in the output', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/customers').reply(200, stripeFixture('customer'));

		const { output } = await runStripePayments(
			call({
				method: 'POST',
				path: '/v1/customers',
				parametersFormat: 'json',
				parametersJson:
					'{"email":"jenny@example.com","metadata":{"order_id":42},"preferred_locales":["fr"]}',
			}),
		);

		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/customers',
			body: 'email=jenny%40example.com&metadata[order_id]=42&preferred_locales[0]=fr',
		});
		assert.equal(requests[0].headers['content-type'], 'application/x-www-form-urlencoded');
		assert.equal(output[0].json.idempotencyKey, key);
	});

	it('POST with JSON null: sent empty (Stripe unsets), not dropped', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/customers/cus_1').reply(200, stripeFixture('customer'));
		await runStripePayments(
			call({
				method: 'POST',
				path: '/v1/customers/cus_1',
				parametersFormat: 'json',
				parametersJson: '{"metadata":{"old_order":null,"order_id":"42"},"description":null}',
			}),
		);
		assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/customers/cus_1',
			body: 'metadata[old_order]=&metadata[order_id]=42&description=',
		});
	});

	it('POST: a 500 is retried with the same key and ends in one object', async () => {
		const endpoint = idempotentEndpoint('/v1/refunds', ['server_error'], (form) => ({
			...stripeFixture('refund'),
			payment_intent: form.payment_intent,
		}));

		const { output, error } = await runStripePayments(
			call({
				method: 'POST',
				path: '/v1/refunds',
				parameters: { entries: [{ name: 'payment_intent', value: 'pi_1' }] },
			}),
		);

		assert.equal(error, undefined);
		assert.equal(endpoint.requests.length, 2);
		assert.equal(
			endpoint.requests[0].headers['idempotency-key'],
			endpoint.requests[1].headers['idempotency-key'],
		);
		assert.equal(endpoint.moneyMovements(), 1);
		assert.equal(output.length, 1);
		assert.equal(output[0].json.payment_intent, 'pi_1');
	});

	it('POST with key/value parameters: metadata[...] reaches Stripe as written', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/payment_intents/pi_1').reply(200, stripeFixture('payment_intent'));

		await runStripePayments(
			call({
				method: 'POST',
				path: '/v1/payment_intents/pi_1',
				parameters: { entries: [{ name: 'metadata[order_id]', value: '42' }] },
			}),
		);

		assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/payment_intents/pi_1',
			body: 'metadata[order_id]=42',
		});
	});

	it('GET on /v2/ is allowed', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v2/core/events').query(true).reply(200, { data: [], next_page_url: null });

		const { error } = await runStripePayments(
			call({
				method: 'GET',
				path: '/v2/core/events',
				parameters: { entries: [{ name: 'object_id', value: 'mtr_1' }] },
			}),
		);

		assert.equal(error, undefined);
		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v2/core/events',
			query: { object_id: 'mtr_1' },
		});
	});

	describe('failure', () => {
		const invalid = {
			error: {
				type: 'invalid_request_error',
				code: 'parameter_unknown',
				param: 'colour',
				message: 'Received unknown parameter: colour',
			},
		};
		const parameters = call({
			method: 'POST',
			path: '/v1/customers',
			parameters: { entries: [{ name: 'colour', value: 'blue' }] },
		});

		it('with Continue on Fail: the structured error item', async () => {
			const { scope, requests } = stripeMock();
			scope.post('/v1/customers').reply(400, invalid, { 'request-id': 'req_custom' });

			const { output } = await runStripePayments(parameters, { continueOnFail: true });

			assert.equal(requests.length, 1);
			const item = output[0].json.error as IDataObject;
			assert.equal(item.code, 'parameter_unknown');
			assert.equal(item.type, 'invalid_request_error');
			assert.equal(item.nextStep, 'fix_request');
			assert.equal(item.requestId, 'req_custom');
		});

		it('without it: a NodeApiError, no key in it', async () => {
			const { scope } = stripeMock();
			scope.post('/v1/customers').reply(400, invalid);

			const { error } = await runStripePayments(parameters);

			assert.equal(error?.name, 'NodeApiError');
			assert.match(String(error?.message), /unknown parameter: colour/);
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
