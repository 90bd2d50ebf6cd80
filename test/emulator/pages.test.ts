import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withEmulator } from './testClient';

function choose(url: string, choice: string) {
	return fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: `choice=${encodeURIComponent(choice)}`,
		redirect: 'manual',
	});
}

test('a person can pay a checkout page in a browser and lands on success_url', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [
				{
					price_data: { currency: 'usd', unit_amount: 700, product_data: { name: 'Mug' } },
					quantity: 1,
				},
			],
			success_url: 'https://example.com/ok/{CHECKOUT_SESSION_ID}',
		});
		const page = await fetch(String(session.url));
		assert.equal(page.status, 200);
		assert.match(await page.text(), /Total: 700 USD/);
		const paid = await choose(String(session.url), 'pm_card_visa');
		assert.equal(paid.status, 303);
		assert.equal(paid.headers.get('location'), `https://example.com/ok/${session.id}`);
		assert.equal((await stripe.checkout.sessions.retrieve(session.id)).payment_status, 'paid');
	});
});

test('3-D Secure in the browser: checkout goes to the 3ds page, completing it pays', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [
				{
					price_data: { currency: 'eur', unit_amount: 900, product_data: { name: 'Pass' } },
					quantity: 1,
				},
			],
			success_url: 'https://example.com/ok',
		});
		const challenge = await choose(String(session.url), 'pm_card_authenticationRequired');
		assert.equal(challenge.status, 303);
		const location = String(challenge.headers.get('location'));
		assert.match(location, /^\/3ds\/pi_/);
		const done = await choose(`${emulator.url}${location}`, 'complete');
		assert.equal(done.status, 303);
		const intent = await stripe.paymentIntents.retrieve(location.split('/')[2]);
		assert.equal(intent.status, 'succeeded');
		const completed = await stripe.checkout.sessions.retrieve(session.id);
		assert.equal(completed.status, 'complete');
		assert.equal(completed.payment_status, 'paid');
	});
});

test('a payment link url opens a new checkout session; unknown pages are Stripe 404s', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const price = await stripe.prices.create({
			currency: 'usd',
			unit_amount: 300,
			product_data: { name: 'Sticker' },
		});
		const link = await stripe.paymentLinks.create({
			line_items: [{ price: price.id, quantity: 3 }],
		});
		const opened = await fetch(link.url, { redirect: 'manual' });
		assert.equal(opened.status, 303);
		assert.match(String(opened.headers.get('location')), /\/checkout\/cs_test_/);
		const sessions = await stripe.checkout.sessions.list({ payment_link: link.id });
		assert.equal(sessions.data[0].amount_total, 900);
		const missing = await fetch(`${emulator.url}/checkout/cs_test_missing`);
		assert.equal(missing.status, 404);
		assert.match(
			((await missing.json()) as { error: { message: string } }).error.message,
			/Unrecognized request URL/,
		);
	});
});

test('GET / in a browser shows endpoints, open checkout pages, events and deliveries', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		await stripe.webhookEndpoints.create({
			url: 'https://example.com/hook',
			enabled_events: ['*'],
		});
		const session = await stripe.checkout.sessions.create({
			mode: 'payment',
			line_items: [
				{
					price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Pin' } },
					quantity: 1,
				},
			],
		});
		const page = await fetch(`${emulator.url}/`, { headers: { Accept: 'text/html' } });
		const html = await page.text();
		assert.match(html, /https:\/\/example\.com\/hook/);
		assert.ok(html.includes(`/checkout/${session.id}`));
		const json = await fetch(`${emulator.url}/`);
		assert.equal(((await json.json()) as { url: string }).url, emulator.url);
	});
});
