import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { assertStripeRequest } from './expectRequest';
import { byId, runStripePayments, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

const paymentMethod = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('payment_method'),
	...overrides,
});

describe('Stripe Payments › Payment Method (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('list: a customer’s cards, type filter and limit, one item each', async () => {
		const { scope, requests } = stripeMock();
		const methods = [paymentMethod({ id: 'pm_a' }), paymentMethod({ id: 'pm_b' })];
		scope
			.get('/v1/customers/cus_1/payment_methods')
			.query(true)
			.reply(200, { object: 'list', data: methods, has_more: false });

		const { output, error } = await runStripePayments({
			resource: 'paymentMethod',
			operation: 'list',
			customer: byId('cus_1'),
			paymentMethodType: 'card',
			limit: 5,
		});

		assert.equal(error, undefined);
		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/customers/cus_1/payment_methods',
			query: { type: 'card', limit: '5' },
		});
		assert.deepEqual(
			output.map((item) => item.json.id),
			['pm_a', 'pm_b'],
		);
		assert.equal((output[0].json.card as IDataObject).last4, '4242');
	});

	it('list: “Any” sends no type filter', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/customers/cus_1/payment_methods')
			.query(true)
			.reply(200, { object: 'list', data: [], has_more: false });

		const { output } = await runStripePayments({
			resource: 'paymentMethod',
			operation: 'list',
			customer: byId('cus_1'),
			paymentMethodType: '',
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/customers/cus_1/payment_methods',
			query: { limit: '50' },
		});
		assert.equal(output.length, 0);
	});

	it('detach: POST /v1/payment_methods/{id}/detach with an idempotency key', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/payment_methods/pm_1MqLiJLkdIwHu7ixUEgbFdYF/detach')
			.reply(200, paymentMethod({ id: 'pm_1MqLiJLkdIwHu7ixUEgbFdYF', customer: null }));

		const { output } = await runStripePayments({
			resource: 'paymentMethod',
			operation: 'detach',
			paymentMethodId: ' pm_1MqLiJLkdIwHu7ixUEgbFdYF ',
		});

		assert.equal(requests.length, 1);
		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/payment_methods/pm_1MqLiJLkdIwHu7ixUEgbFdYF/detach',
			body: '',
		});
		assert.equal(output[0].json.customer, null);
		assert.equal(output[0].json.idempotencyKey, key);
	});

	describe('failure', () => {
		const missing = {
			error: {
				type: 'invalid_request_error',
				code: 'resource_missing',
				param: 'payment_method',
				message: "No such PaymentMethod: 'pm_gone'",
			},
		};

		it('with Continue on Fail: the structured error item', async () => {
			const { scope } = stripeMock();
			scope
				.post('/v1/payment_methods/pm_gone/detach')
				.reply(404, missing, { 'request-id': 'req_pm' });

			const { output } = await runStripePayments(
				{ resource: 'paymentMethod', operation: 'detach', paymentMethodId: 'pm_gone' },
				{ continueOnFail: true },
			);

			const item = output[0].json.error as IDataObject;
			assert.equal(item.code, 'resource_missing');
			assert.equal(item.type, 'invalid_request_error');
			assert.equal(item.requestId, 'req_pm');
			assert.equal(item.retryable, false);
		});

		it('without it: a NodeApiError, no key in it', async () => {
			const { scope } = stripeMock();
			scope.post('/v1/payment_methods/pm_gone/detach').reply(404, missing);

			const { error } = await runStripePayments({
				resource: 'paymentMethod',
				operation: 'detach',
				paymentMethodId: 'pm_gone',
			});

			assert.equal(error?.name, 'NodeApiError');
			assert.match(String(error?.message), /No such PaymentMethod/);
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
