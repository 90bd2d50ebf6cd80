import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import { App, STRIPE, authData, run, stripeHeaders, useNock, zapierErrorOf } from './helpers';
import { metadataQuery } from '../src/searches/findPayment';

const findCustomer = App.searches.find_customer.operation.perform;
const findPayment = App.searches.find_payment.operation.perform;

const customer = {
	id: 'cus_1',
	object: 'customer',
	email: 'jane@example.com',
	name: 'Jane',
	metadata: {},
};
const intent = {
	id: 'pi_1',
	object: 'payment_intent',
	amount: 1999,
	amount_received: 1999,
	currency: 'usd',
	status: 'succeeded',
	metadata: { order_id: '42' },
	created: 1767225600,
};

describe('find customer', () => {
	useNock();

	it('lists customers by exact email', async () => {
		nock(STRIPE, stripeHeaders)
			.get('/v1/customers')
			.query({ email: 'jane@example.com', limit: '1' })
			.reply(200, { object: 'list', data: [customer], has_more: false });
		const found = await run<Record<string, unknown>[]>(findCustomer, {
			authData,
			inputData: { email: 'jane@example.com' },
		});
		assert.deepEqual(found, [customer]);
	});

	it('returns nothing when there is no such customer', async () => {
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.reply(200, { object: 'list', data: [], has_more: false });
		assert.deepEqual(
			await run(findCustomer, { authData, inputData: { email: 'nobody@example.com' } }),
			[],
		);
	});

	it('reports a rejected key as a connection to fix', async () => {
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.reply(401, {
				error: {
					type: 'invalid_request_error',
					message: 'Invalid API Key provided: sk_test_****123',
				},
			});
		await assert.rejects(
			run(findCustomer, { authData, inputData: { email: 'jane@example.com' } }),
			(error: unknown) => {
				assert.equal((error as Error).name, 'ExpiredAuthError');
				assert.match(
					(error as Error).message,
					/Stripe did not accept the API key.*Next step: fix_credentials/,
				);
				assert.doesNotMatch((error as Error).message, /sk_test/);
				return true;
			},
		);
	});
});

describe('find payment', () => {
	useNock();

	it('gets a payment by id, normalised', async () => {
		nock(STRIPE, stripeHeaders).get('/v1/payment_intents/pi_1').reply(200, intent);
		const [found] = await run<Record<string, unknown>[]>(findPayment, {
			authData,
			inputData: { paymentId: 'pi_1' },
		});
		assert.equal(found.id, 'pi_1');
		assert.equal((found.payment as Record<string, unknown>).paid, true);
	});

	it('returns nothing for an id Stripe does not know', async () => {
		nock(STRIPE)
			.get('/v1/payment_intents/pi_missing')
			.reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
		assert.deepEqual(
			await run(findPayment, { authData, inputData: { paymentId: 'pi_missing' } }),
			[],
		);
	});

	it('searches by metadata with a quoted query', async () => {
		nock(STRIPE, stripeHeaders)
			.get('/v1/payment_intents/search')
			.query({ query: "metadata['order_id']:'42'", limit: '1' })
			.reply(200, { object: 'search_result', data: [intent], has_more: false });
		const found = await run<Record<string, unknown>[]>(findPayment, {
			authData,
			inputData: { metadataKey: 'order_id', metadataValue: '42' },
		});
		assert.equal(found.length, 1);
		assert.equal(found[0].id, 'pi_1');
	});

	it('escapes quotes so a value cannot change the query', () => {
		assert.equal(
			metadataQuery('note', "x' OR status:'succeeded"),
			"metadata['note']:'x\\' OR status:\\'succeeded'",
		);
	});

	it('asks for an id or metadata when both are empty', async () => {
		await assert.rejects(run(findPayment, { authData, inputData: {} }), (error: unknown) => {
			assert.equal(zapierErrorOf(error).code, 'fix_request');
			return true;
		});
	});
});

describe('find or create customer', () => {
	it('pairs the customer search with the customer create', () => {
		const searchOrCreate = App.searchOrCreates?.find_customer;
		assert.equal(searchOrCreate?.search, 'find_customer');
		assert.equal(searchOrCreate?.create, 'create_customer');
	});
});
