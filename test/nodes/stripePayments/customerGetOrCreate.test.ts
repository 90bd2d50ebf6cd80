import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { customIdempotencyKey } from '../../../core/idempotency';
import { stripeFixture } from '../../fixtures/stripe';
import { assertStripeRequest } from './expectRequest';
import { runStripePayments, stripeMock, useStripeTestHooks } from './support';

const customer = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('customer'),
	...overrides,
});
const list = (data: IDataObject[], object = 'list') => ({ object, data, has_more: false });
const EMAIL_KEY = customIdempotencyKey('customer.getOrCreateByEmail', 'jenny@example.com');

describe('Stripe Payments › Customer › get or create by email (workflow through n8n-core)', () => {
	useStripeTestHooks();

	const parameters = {
		resource: 'customer',
		operation: 'getOrCreateByEmail',
		email: 'Jenny@Example.com ',
		additionalFields: { name: 'Jenny Rosen' },
	};

	it('found by search: no write, customerCreated false, the oldest match', async () => {
		const { scope, requests } = stripeMock();
		const older = customer({ id: 'cus_old', created: 100 });
		const newer = customer({ id: 'cus_new', created: 200 });
		scope
			.get('/v1/customers/search')
			.query(true)
			.reply(200, list([newer, older], 'search_result'));

		const { output } = await runStripePayments(parameters);

		assert.equal(requests.length, 1);
		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/customers/search',
			query: { query: 'email:"jenny@example.com"', limit: '10' },
		});
		assert.equal(output[0].json.id, 'cus_old');
		assert.equal(output[0].json.customerCreated, false);
		assert.equal(output[0].json.idempotencyKey, undefined);
	});

	it('not yet searchable but listed (created seconds ago): found, not created again', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/search').query(true).reply(200, list([], 'search_result'));
		scope
			.get('/v1/customers')
			.query(true)
			.reply(200, list([customer({ id: 'cus_recent' })]));

		const { output } = await runStripePayments(parameters);

		assert.equal(requests.length, 2);
		assertStripeRequest(requests[1], {
			method: 'GET',
			path: '/v1/customers',
			query: { email: 'jenny@example.com', limit: '10' },
		});
		assert.equal(output[0].json.id, 'cus_recent');
		assert.equal(output[0].json.customerCreated, false);
	});

	it('none: creates in lower case with a key derived from the email; customerCreated true', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/search').query(true).reply(200, list([], 'search_result'));
		scope.get('/v1/customers').query(true).reply(200, list([]));
		scope.post('/v1/customers').reply(200, customer({ id: 'cus_created' }));

		const { output } = await runStripePayments(parameters);

		assert.equal(requests.length, 3);
		const key = assertStripeRequest(requests[2], {
			method: 'POST',
			path: '/v1/customers',
			body: 'name=Jenny%20Rosen&email=jenny%40example.com',
		});
		assert.equal(key, EMAIL_KEY);
		assert.equal(output[0].json.id, 'cus_created');
		assert.equal(output[0].json.customerCreated, true);
		assert.equal(output[0].json.idempotencyKey, EMAIL_KEY);
	});

	it('two items with the same email send the same key; the replay (read back) says not created', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/search').query(true).times(2).reply(200, list([], 'search_result'));
		scope.get('/v1/customers').query(true).times(2).reply(200, list([]));
		scope.post('/v1/customers').reply(200, customer({ id: 'cus_one' }));
		scope
			.post('/v1/customers')
			.reply(200, customer({ id: 'cus_one' }), { 'Idempotent-Replayed': 'true' });
		scope.get('/v1/customers/cus_one').reply(200, customer({ id: 'cus_one' }));

		const { output } = await runStripePayments(
			{ ...parameters, email: '={{ $json.email }}', additionalFields: {} },
			{ items: [{ email: 'jenny@example.com' }, { email: 'JENNY@example.com' }] },
		);

		const posts = requests.filter((request) => request.method === 'POST');
		assert.equal(posts.length, 2);
		assert.deepEqual(
			posts.map((post) => post.headers['idempotency-key']),
			[EMAIL_KEY, EMAIL_KEY],
		);
		// Which item's POST reaches Stripe first is up to the batch; exactly one is the creation.
		assert.deepEqual(
			output
				.map((item) => [item.json.id, item.json.customerCreated, item.json.idempotentReplayed])
				.sort(),
			[
				['cus_one', false, true],
				['cus_one', true, false],
			],
		);
	});

	it('key reused with other details (idempotency_error): the listed customer, not an error', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/search').query(true).reply(200, list([], 'search_result'));
		scope.get('/v1/customers').query(true).reply(200, list([]));
		scope.post('/v1/customers').reply(400, {
			error: {
				type: 'idempotency_error',
				message:
					'Keys for idempotent requests can only be used with the same parameters they were first used with.',
			},
		});
		scope
			.get('/v1/customers')
			.query(true)
			.reply(200, list([customer({ id: 'cus_other_run' })]));

		const { output, error } = await runStripePayments(parameters);

		assert.equal(error, undefined);
		assert.deepEqual(
			requests.map((request) => request.method),
			['GET', 'GET', 'POST', 'GET'],
		);
		assert.equal(output[0].json.id, 'cus_other_run');
		assert.equal(output[0].json.customerCreated, false);
		assert.equal(output[0].json.idempotencyKey, EMAIL_KEY);
	});

	it('key reused with other details and no such customer any more (deleted): a new key, a new customer', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/customers/search').query(true).reply(200, list([], 'search_result'));
		scope.get('/v1/customers').query(true).times(2).reply(200, list([]));
		scope.post('/v1/customers').reply(400, {
			error: { type: 'idempotency_error', message: 'Keys for idempotent requests …' },
		});
		scope.post('/v1/customers').reply(200, customer({ id: 'cus_new' }));

		const { output, error } = await runStripePayments(parameters);

		assert.equal(error, undefined);
		const keys = requests
			.filter((request) => request.method === 'POST')
			.map((request) => request.headers['idempotency-key']);
		const nextKey = customIdempotencyKey(
			'customer.getOrCreateByEmail',
			`after refused:${EMAIL_KEY}`,
		);
		assert.deepEqual(keys, [EMAIL_KEY, nextKey]);
		assert.equal(output[0].json.id, 'cus_new');
		assert.equal(output[0].json.customerCreated, true);
		assert.equal(output[0].json.idempotencyKey, nextKey);
	});

	it('refuses an address that is not an email before any request', async () => {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(
			{ ...parameters, email: 'not an email' },
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 0);
		const error = output[0].json.error as IDataObject;
		assert.equal(error.nextStep, 'fix_request');
		assert.match(String(error.message), /^Email: "not an email" is not an email address/);
	});
});
