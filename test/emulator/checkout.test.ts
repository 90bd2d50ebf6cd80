import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { control, raw, withEmulator } from './testClient';

const lineItem = {
	price_data: { currency: 'usd', unit_amount: 1500, product_data: { name: 'Course' } },
	quantity: 2,
};

test('create, get with expand line_items, list and the hosted url; paying completes it as paid', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [lineItem],
			success_url: 'https://example.com/ok?session={CHECKOUT_SESSION_ID}',
			client_reference_id: 'order-9',
			metadata: { order: '9' },
			payment_intent_data: { metadata: { order: '9' } },
		});
		assert.match(session.id, /^cs_test_/);
		assert.equal(session.status, 'open');
		assert.equal(session.payment_status, 'unpaid');
		assert.equal(session.amount_total, 3000);
		assert.equal(session.payment_intent, null);
		assert.equal(session.url, `${emulator.url}/checkout/${session.id}`);
		const page = await fetch(String(session.url));
		assert.equal(page.status, 200);
		const expanded = await stripe.checkout.sessions.retrieve(session.id, {
			expand: ['line_items'],
		});
		assert.equal(expanded.line_items?.data[0].quantity, 2);
		assert.equal(expanded.line_items?.data[0].description, 'Course');
		const items = await stripe.checkout.sessions.listLineItems(session.id);
		assert.equal(items.data[0].amount_total, 3000);
		const paid = await control(emulator, 'POST', `/checkout/${session.id}/pay`, { delayed: false });
		assert.equal(paid.body.session.payment_status, 'paid');
		const done = await stripe.checkout.sessions.retrieve(session.id);
		assert.equal(done.status, 'complete');
		const intent = await stripe.paymentIntents.retrieve(String(done.payment_intent));
		assert.equal(intent.status, 'succeeded');
		assert.deepEqual(intent.metadata, { order: '9' });
		const types = (await stripe.events.list()).data.map((event) => event.type);
		assert.ok(types.includes('checkout.session.completed'));
		assert.ok(types.includes('payment_intent.succeeded'));
		const listed = await stripe.checkout.sessions.list({ payment_intent: intent.id });
		assert.equal(listed.data[0].id, session.id);
	});
});

test('a delayed method completes unpaid; settling fires async_payment_succeeded once paid', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [lineItem],
		});
		await control(emulator, 'POST', `/checkout/${session.id}/pay`, { delayed: true });
		const completed = (await stripe.events.list({ type: 'checkout.session.completed' })).data[0];
		assert.equal((completed.data.object as Stripe.Checkout.Session).payment_status, 'unpaid');
		assert.equal((await stripe.events.list({ type: 'payment_intent.succeeded' })).data.length, 0);
		await control(emulator, 'POST', `/checkout/${session.id}/settle`, { succeeded: true });
		const async = await stripe.events.list({ type: 'checkout.session.async_payment_succeeded' });
		assert.equal(async.data.length, 1);
		assert.equal((async.data[0].data.object as Stripe.Checkout.Session).payment_status, 'paid');
		assert.equal((await stripe.events.list({ type: 'payment_intent.succeeded' })).data.length, 1);
		const again = await control(emulator, 'POST', `/checkout/${session.id}/settle`, {
			succeeded: true,
		});
		assert.equal(again.status, 400);
	});
});

test('expire: open sessions expire with checkout.session.expired; others are refused', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [lineItem],
		});
		const expired = await stripe.checkout.sessions.expire(session.id);
		assert.equal(expired.status, 'expired');
		assert.equal((await stripe.events.list({ type: 'checkout.session.expired' })).data.length, 1);
		const error = await stripe.checkout.sessions.expire(session.id).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
	});
});

test('validation: mode, line_items, expires_at window, customer with customer_email', async () => {
	await withEmulator({}, async (emulator) => {
		const noItems = await raw(emulator, 'POST', '/v1/checkout/sessions', { mode: 'payment' });
		assert.equal(noItems.body.error.param, 'line_items');
		const noMode = await raw(emulator, 'POST', '/v1/checkout/sessions', { line_items: [lineItem] });
		assert.equal(noMode.body.error.param, 'mode');
		const soon = Math.floor(Date.now() / 1000) + 60;
		const early = await raw(emulator, 'POST', '/v1/checkout/sessions', {
			mode: 'payment',
			line_items: [lineItem],
			expires_at: soon,
		});
		assert.equal(early.body.error.param, 'expires_at');
		const both = await raw(emulator, 'POST', '/v1/checkout/sessions', {
			mode: 'payment',
			line_items: [lineItem],
			customer: 'cus_x',
			customer_email: 'a@example.com',
		});
		assert.equal(both.status, 400);
	});
});

test('subscription mode: paying creates customer, subscription and a paid invoice', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'subscription',
			line_items: [
				{
					price_data: {
						currency: 'eur',
						unit_amount: 900,
						recurring: { interval: 'month' },
						product_data: { name: 'Pro' },
					},
					quantity: 1,
				},
			],
		});
		const result = await control(emulator, 'POST', `/checkout/${session.id}/pay`, {
			email: 'sub@example.com',
		});
		assert.equal(result.body.session.payment_status, 'paid');
		const subscription = await stripe.subscriptions.retrieve(result.body.session.subscription);
		assert.equal(subscription.status, 'active');
		const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
		assert.equal(invoice.status, 'paid');
		assert.match(String(invoice.hosted_invoice_url), /\/invoices\/in_/);
	});
});

test('a session past expires_at is expired on next access, with checkout.session.expired', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [lineItem],
		});
		const stored = emulator.scope().find(session.id);
		assert.ok(stored);
		stored.expires_at = Math.floor(Date.now() / 1000) - 1;
		assert.equal((await stripe.checkout.sessions.retrieve(session.id)).status, 'expired');
		assert.equal((await stripe.events.list({ type: 'checkout.session.expired' })).data.length, 1);
		const pay = await control(emulator, 'POST', `/checkout/${session.id}/pay`, {});
		assert.equal(pay.status, 400);
	});
});
