import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { raw, withEmulator } from './testClient';

test('customers: create, get, update metadata, list by email, search, delete', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const ada = await stripe.customers.create({
			email: 'ada@example.com',
			name: 'Ada',
			metadata: { crm: '1' },
		});
		await stripe.customers.create({ email: 'bob@example.com' });
		assert.match(ada.id, /^cus_/);
		const updated = await stripe.customers.update(ada.id, { metadata: { tier: 'gold' } });
		assert.deepEqual(updated.metadata, { crm: '1', tier: 'gold' });
		const byEmail = await stripe.customers.list({ email: 'ada@example.com' });
		assert.deepEqual(
			byEmail.data.map((customer) => customer.id),
			[ada.id],
		);
		const found = await stripe.customers.search({ query: "email:'ada@example.com'" });
		assert.equal(found.data[0].id, ada.id);
		const byMetadata = await stripe.customers.search({ query: "metadata['tier']:'gold'" });
		assert.equal(byMetadata.data.length, 1);
		const badField = await raw(emulator, 'GET', '/v1/customers/search', { query: "colour:'red'" });
		assert.equal(badField.status, 400);
		assert.equal(badField.body.error.param, 'query');
		const deleted = await stripe.customers.del(ada.id);
		assert.equal(deleted.deleted, true);
		const stub = await stripe.customers.retrieve(ada.id);
		assert.equal((stub as Stripe.DeletedCustomer).deleted, true);
		assert.equal((await stripe.customers.list()).data.length, 1);
		const types = (await stripe.events.list()).data.map((event) => event.type);
		assert.deepEqual(types.filter((type) => type.startsWith('customer.')).sort(), [
			'customer.created',
			'customer.created',
			'customer.deleted',
			'customer.updated',
		]);
	});
});

test('payment methods: pm_card_* attach as new pm_ ids, list, detach; declining cards do not attach', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const customer = await stripe.customers.create({ email: 'pay@example.com' });
		const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
		assert.match(visa.id, /^pm_/);
		assert.notEqual(visa.id, 'pm_card_visa');
		assert.equal(visa.customer, customer.id);
		assert.equal(visa.card?.last4, '4242');
		const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
			customer: customer.id,
		});
		const listed = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
		assert.equal(listed.data.length, 2);
		const viaCustomer = await stripe.customers.listPaymentMethods(customer.id);
		assert.equal(viaCustomer.data.length, 2);
		const declined = await stripe.paymentMethods
			.attach('pm_card_chargeDeclined', { customer: customer.id })
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(declined instanceof Stripe.errors.StripeCardError);
		assert.equal(declined.decline_code, 'generic_decline');
		const charge = await stripe.paymentIntents
			.create({
				amount: 1000,
				currency: 'usd',
				customer: customer.id,
				payment_method: failing.id,
				confirm: true,
				off_session: true,
				allowed_payment_method_types: ['card'],
			})
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(charge instanceof Stripe.errors.StripeCardError);
		const ok = await stripe.paymentIntents.create({
			amount: 1000,
			currency: 'usd',
			customer: customer.id,
			payment_method: visa.id,
			confirm: true,
			off_session: true,
			allowed_payment_method_types: ['card'],
		});
		assert.equal(ok.status, 'succeeded');
		const detached = await stripe.paymentMethods.detach(visa.id);
		assert.equal(detached.customer, null);
		const again = await stripe.paymentMethods.detach(visa.id).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(again instanceof Stripe.errors.StripeInvalidRequestError);
	});
});

test('unknown ids are resource_missing 404s naming the object', async () => {
	await withEmulator({}, async (emulator) => {
		const customer = await raw(emulator, 'GET', '/v1/customers/cus_nope');
		assert.equal(customer.status, 404);
		assert.equal(customer.body.error.code, 'resource_missing');
		const pm = await raw(emulator, 'POST', '/v1/payment_intents', {
			amount: 100,
			currency: 'usd',
			payment_method: 'pm_nope',
			confirm: true,
			allowed_payment_method_types: ['card'],
		});
		assert.equal(pm.status, 404);
		assert.equal(pm.body.error.param, 'payment_method');
	});
});
