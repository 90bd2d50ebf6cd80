import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { assertStripeRequest } from './expectRequest';
import { byId, runStripePayments, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

const customer = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('customer'),
	...overrides,
});
const list = (data: IDataObject[], object = 'list') => ({ object, data, has_more: false });

describe('Stripe Payments › Customer (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('create: POST /v1/customers with email, name, metadata and an idempotency key', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/customers').reply(200, customer({ email: 'jenny@example.com' }));

		const { output, error } = await runStripePayments({
			resource: 'customer',
			operation: 'create',
			email: ' jenny@example.com ',
			additionalFields: { name: 'Jenny Rosen', phone: '' },
			metadata: { entries: [{ key: 'user_id', value: '6735' }] },
		});

		assert.equal(error, undefined);
		assert.equal(requests.length, 1);
		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/customers',
			body: 'name=Jenny%20Rosen&email=jenny%40example.com&metadata[user_id]=6735',
		});
		assert.equal(output.length, 1);
		assert.equal(output[0].json.id, 'cus_QXg1o8vcGmoR32');
		assert.equal(output[0].json.idempotencyKey, key);
		assert.deepEqual(output[0].pairedItem, { item: 0 });
	});

	it('get: a Dashboard URL resolves to the id; GET carries no idempotency key', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/cus_QXg1o8vcGmoR32').reply(200, customer());

		const { output } = await runStripePayments({
			resource: 'customer',
			operation: 'get',
			customer: {
				__rl: true,
				mode: 'url',
				value: 'https://dashboard.stripe.com/test/customers/cus_QXg1o8vcGmoR32',
			},
		});

		assert.equal(requests.length, 1);
		assertStripeRequest(requests[0], { method: 'GET', path: '/v1/customers/cus_QXg1o8vcGmoR32' });
		assert.deepEqual(output[0].json, customer());
	});

	it('update: only the fields given, plus metadata, to POST /v1/customers/{id}', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/customers/cus_1')
			.reply(200, customer({ id: 'cus_1', email: 'new@example.com' }));

		const { output } = await runStripePayments({
			resource: 'customer',
			operation: 'update',
			customer: byId('cus_1'),
			updateFields: { email: 'new@example.com', description: '' },
			metadata: { entries: [{ key: 'plan', value: 'pro' }] },
		});

		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/customers/cus_1',
			body: 'email=new%40example.com&metadata[plan]=pro',
		});
		assert.equal(output[0].json.email, 'new@example.com');
		assert.equal(output[0].json.idempotencyKey, key);
	});

	it('delete: DELETE /v1/customers/{id} outputs Stripe’s deleted object', async () => {
		const { scope, requests } = stripeMock();
		scope.delete('/v1/customers/cus_QXg1o8vcGmoR32').reply(200, stripeFixture('deleted_customer'));

		const { output } = await runStripePayments({
			resource: 'customer',
			operation: 'delete',
			customer: byId('cus_QXg1o8vcGmoR32'),
		});

		assertStripeRequest(requests[0], {
			method: 'DELETE',
			path: '/v1/customers/cus_QXg1o8vcGmoR32',
		});
		assert.deepEqual(output[0].json, {
			deleted: true,
			id: 'cus_QXg1o8vcGmoR32',
			object: 'customer',
		});
	});

	it('list: exact email filter and limit; one item per customer', async () => {
		const { scope, requests } = stripeMock();
		const customers = [customer({ id: 'cus_a' }), customer({ id: 'cus_b' })];
		scope.get('/v1/customers').query(true).reply(200, list(customers));

		const { output } = await runStripePayments({
			resource: 'customer',
			operation: 'list',
			returnAll: false,
			limit: 2,
			filters: { email: 'jenny@example.com' },
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/customers',
			query: { email: 'jenny@example.com', limit: '2' },
		});
		assert.deepEqual(
			output.map((item) => [item.json.id, item.pairedItem]),
			[
				['cus_a', { item: 0 }],
				['cus_b', { item: 0 }],
			],
		);
	});

	it('search by email and by metadata: values are quoted and their quotes escaped', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/customers/search')
			.query(true)
			.times(2)
			.reply(200, list([customer()], 'search_result'));

		await runStripePayments({
			resource: 'customer',
			operation: 'search',
			searchBy: 'email',
			email: 'jen"ny@example.com',
			limit: 10,
		});
		await runStripePayments({
			resource: 'customer',
			operation: 'search',
			searchBy: 'metadata',
			metadataKey: 'user_id',
			metadataValue: '67" OR email:"x',
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/customers/search',
			query: { query: 'email:"jen\\"ny@example.com"', limit: '10' },
		});
		assertStripeRequest(requests[1], {
			method: 'GET',
			path: '/v1/customers/search',
			query: { query: 'metadata["user_id"]:"67\\" OR email:\\"x"', limit: '50' },
		});
	});

	describe('failure', () => {
		const missing = {
			error: {
				type: 'invalid_request_error',
				code: 'resource_missing',
				param: 'id',
				message: "No such customer: 'cus_gone'",
				doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
			},
		};

		it('with Continue on Fail: the structured error item', async () => {
			const { scope } = stripeMock();
			scope.get('/v1/customers/cus_gone').reply(404, missing, { 'request-id': 'req_404' });

			const { output, error } = await runStripePayments(
				{ resource: 'customer', operation: 'get', customer: byId('cus_gone') },
				{ continueOnFail: true },
			);

			assert.equal(error, undefined);
			assert.deepEqual(Object.keys(output[0].json), ['error']);
			const item = output[0].json.error as IDataObject;
			assert.equal(item.type, 'invalid_request_error');
			assert.equal(item.code, 'resource_missing');
			assert.equal(item.requestId, 'req_404');
			assert.equal(item.retryable, false);
			assert.equal(item.nextStep, 'fix_request');
			assert.equal(item.docUrl, missing.error.doc_url);
			assert.deepEqual(output[0].pairedItem, { item: 0 });
		});

		it('without it: a NodeApiError that stops the workflow, no key in it', async () => {
			const { scope } = stripeMock();
			scope.get('/v1/customers/cus_gone').reply(404, missing);

			const { error, output } = await runStripePayments({
				resource: 'customer',
				operation: 'get',
				customer: byId('cus_gone'),
			});

			assert.ok(error);
			assert.equal(error.name, 'NodeApiError');
			assert.match(error.message, /No such customer/);
			assert.equal(output.length, 0);
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
