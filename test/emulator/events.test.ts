import assert from 'node:assert/strict';
import { test } from 'node:test';
import { raw, stripeClient, withEmulator } from './testClient';

test('events: list by type, wildcard, created[gte], pagination; retrieve; request metadata', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const before = Math.floor(Date.now() / 1000);
		const customer = await stripe.customers.create(
			{ email: 'e@example.com' },
			{ idempotencyKey: 'cust-1' },
		);
		await stripe.customers.update(customer.id, { name: 'E' });
		const created = await stripe.events.list({ type: 'customer.created' });
		assert.equal(created.data.length, 1);
		assert.equal(created.data[0].request?.idempotency_key, 'cust-1');
		assert.match(String(created.data[0].request?.id), /^req_/);
		const wildcard = await stripe.events.list({ type: 'customer.*' });
		assert.deepEqual(
			wildcard.data.map((event) => event.type),
			['customer.updated', 'customer.created'],
		);
		const updated = wildcard.data[0];
		assert.deepEqual(updated.data.previous_attributes, { name: null });
		const recent = await stripe.events.list({ created: { gte: before } });
		assert.equal(recent.data.length, 2);
		const future = await stripe.events.list({ created: { gte: before + 3600 } });
		assert.equal(future.data.length, 0);
		const first = await stripe.events.list({ limit: 1 });
		assert.equal(first.has_more, true);
		assert.equal(first.url, '/v1/events');
		const retrieved = await stripe.events.retrieve(updated.id);
		assert.equal(retrieved.id, updated.id);
		const missing = await raw(emulator, 'GET', '/v1/events/evt_missing');
		assert.equal(missing.status, 404);
	});
});

test('account and balance answer for the key; prices list filters active', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const account = await stripe.accounts.retrieveCurrent();
		assert.match(account.id, /^acct_/);
		assert.equal(account.charges_enabled, true);
		const balance = await stripe.balance.retrieve();
		assert.equal(balance.object, 'balance');
		assert.equal(balance.livemode, false);
		await stripe.prices.create({ currency: 'usd', unit_amount: 100, product_data: { name: 'A' } });
		const prices = await stripe.prices.list({ active: true, expand: ['data.product'] });
		assert.equal(prices.data.length, 1);
		assert.equal(typeof prices.data[0].product, 'object');
		const live = stripeClient(emulator, 'sk_live_123');
		const error = await live.webhookEndpoints
			.create({ url: 'http://127.0.0.1:9/hook', enabled_events: ['*'] })
			.then(
				() => null,
				(caught: unknown) => caught as { code?: string },
			);
		assert.equal(error?.code, 'url_invalid');
	});
});
