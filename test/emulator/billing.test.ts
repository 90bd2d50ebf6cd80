import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { control, raw, withEmulator } from './testClient';

test('a failed renewal: invoice.payment_failed with attempts, next attempt and hosted url; pay later', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const created = await control(emulator, 'POST', '/subscriptions', {
			email: 'dunning@example.com',
			amount: 2900,
			paymentMethod: 'pm_card_chargeCustomerFail',
		});
		assert.equal(created.status, 200);
		assert.equal(created.body.subscription.status, 'incomplete');
		assert.equal(created.body.error.decline_code, 'generic_decline');
		const failed = await stripe.events.list({ type: 'invoice.payment_failed' });
		assert.equal(failed.data.length, 1);
		const invoice = failed.data[0].data.object as Stripe.Invoice;
		assert.equal(invoice.attempt_count, 1);
		assert.ok(invoice.next_payment_attempt);
		assert.match(String(invoice.hosted_invoice_url), /^http:\/\/127\.0\.0\.1:\d+\/invoices\/in_/);
		const customer = created.body.customer.id as string;
		const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer });
		const paid = await stripe.invoices.pay(invoice.id, { payment_method: visa.id });
		assert.equal(paid.status, 'paid');
		assert.equal(
			(await stripe.subscriptions.retrieve(created.body.subscription.id)).status,
			'active',
		);
	});
});

test('renewal of a good card pays; a card turned bad makes it past_due', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const created = await control(emulator, 'POST', '/subscriptions', { amount: 1000 });
		const id = created.body.subscription.id as string;
		assert.equal((await stripe.subscriptions.retrieve(id)).status, 'active');
		const renewed = await control(emulator, 'POST', `/subscriptions/${id}/renew`);
		assert.equal(renewed.body.invoice.status, 'paid');
		const customer = created.body.customer.id as string;
		const bad = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer });
		await stripe.subscriptions.update(id, { default_payment_method: bad.id });
		const failing = await control(emulator, 'POST', `/subscriptions/${id}/renew`);
		assert.equal(failing.body.subscription.status, 'past_due');
		const invoices = await stripe.invoices.list({ subscription: id, status: 'open' });
		assert.equal(invoices.data.length, 1);
		const voided = await stripe.invoices.voidInvoice(invoices.data[0].id);
		assert.equal(voided.status, 'void');
	});
});

test('subscriptions: cancel_at_period_end, cancel (customer.subscription.deleted), resume only paused', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const created = await control(emulator, 'POST', '/subscriptions', { amount: 500 });
		const id = created.body.subscription.id as string;
		const atEnd = await stripe.subscriptions.update(id, { cancel_at_period_end: true });
		assert.equal(atEnd.cancel_at_period_end, true);
		assert.ok(atEnd.cancel_at);
		const notPaused = await stripe.subscriptions.resume(id).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(notPaused instanceof Stripe.errors.StripeInvalidRequestError);
		await control(emulator, 'POST', `/subscriptions/${id}/pause`);
		assert.equal((await stripe.subscriptions.resume(id)).status, 'active');
		const canceled = await stripe.subscriptions.cancel(id);
		assert.equal(canceled.status, 'canceled');
		assert.equal(
			(await stripe.events.list({ type: 'customer.subscription.deleted' })).data.length,
			1,
		);
		assert.equal(
			(await stripe.subscriptions.list({ customer: created.body.customer.id })).data.length,
			0,
		);
		assert.equal((await stripe.subscriptions.list({ status: 'all' })).data.length, 1);
	});
});

test('payment links: create, get, deactivate; paying through a link; portal sessions', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const price = await stripe.prices.create({
			currency: 'usd',
			unit_amount: 4900,
			product_data: { name: 'Ebook' },
		});
		const link = await stripe.paymentLinks.create({
			line_items: [{ price: price.id, quantity: 1 }],
			metadata: { campaign: 'spring' },
			after_completion: { type: 'redirect', redirect: { url: 'https://example.com/thanks' } },
		});
		assert.match(link.id, /^plink_/);
		assert.equal((await stripe.paymentLinks.retrieve(link.id)).active, true);
		const paid = await control(emulator, 'POST', `/payment_links/${link.id}/pay`, {});
		assert.equal(paid.body.session.payment_link, link.id);
		assert.equal(paid.body.session.payment_status, 'paid');
		const off = await stripe.paymentLinks.update(link.id, { active: false });
		assert.equal(off.active, false);
		const refused = await control(emulator, 'POST', `/payment_links/${link.id}/pay`, {});
		assert.equal(refused.status, 400);
		const customer = await stripe.customers.create({ email: 'p@example.com' });
		const portal = await stripe.billingPortal.sessions.create({
			customer: customer.id,
			return_url: 'https://example.com',
		});
		assert.match(portal.url, /\/billing_portal\/bps_/);
		const missing = await raw(emulator, 'POST', '/v1/billing_portal/sessions', {});
		assert.equal(missing.body.error.param, 'customer');
	});
});

test('POST /v1/subscriptions: paid with the default method; a declining one is incomplete or a 402', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const customer = await stripe.customers.create({ email: 'api-sub@example.com' });
		const price = await stripe.prices.create({
			currency: 'usd',
			unit_amount: 1500,
			recurring: { interval: 'month' },
			product_data: { name: 'Club' },
		});
		const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
		const active = await stripe.subscriptions.create({
			customer: customer.id,
			items: [{ price: price.id }],
			default_payment_method: visa.id,
		});
		assert.equal(active.status, 'active');
		const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', {
			customer: customer.id,
		});
		const incomplete = await stripe.subscriptions.create({
			customer: customer.id,
			items: [{ price: price.id }],
			default_payment_method: failing.id,
		});
		assert.equal(incomplete.status, 'incomplete');
		const error = await stripe.subscriptions
			.create({
				customer: customer.id,
				items: [{ price: price.id }],
				default_payment_method: failing.id,
				payment_behavior: 'error_if_incomplete',
			})
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(error instanceof Stripe.errors.StripeCardError);
	});
});
