import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { raw, withEmulator } from './testClient';

async function paid(stripe: Stripe, amount = 1000): Promise<Stripe.PaymentIntent> {
	return stripe.paymentIntents.create({
		amount,
		currency: 'usd',
		payment_method: 'pm_card_visa',
		confirm: true,
		allowed_payment_method_types: ['card'],
	});
}

test('a refund with no amount refunds everything; a second one is charge_already_refunded', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const intent = await paid(stripe);
		const refund = await stripe.refunds.create({
			payment_intent: intent.id,
			reason: 'requested_by_customer',
		});
		assert.match(refund.id, /^re_/);
		assert.equal(refund.amount, 1000);
		assert.equal(refund.status, 'succeeded');
		assert.equal(refund.payment_intent, intent.id);
		const charge = await stripe.charges.retrieve(String(intent.latest_charge));
		assert.equal(charge.refunded, true);
		assert.equal(charge.amount_refunded, 1000);
		const error = await stripe.refunds.create({ payment_intent: intent.id }).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
		assert.equal(error.code, 'charge_already_refunded');
	});
});

test('partial refunds add up; one over the remainder is amount_too_large', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const intent = await paid(stripe, 1000);
		await stripe.refunds.create({ payment_intent: intent.id, amount: 300 });
		const error = await stripe.refunds.create({ payment_intent: intent.id, amount: 800 }).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
		assert.equal(error.code, 'amount_too_large');
		assert.equal(error.param, 'amount');
		const rest = await stripe.refunds.create({ charge: String(intent.latest_charge) });
		assert.equal(rest.amount, 700);
		const listed = await stripe.refunds.list({ payment_intent: intent.id });
		assert.deepEqual(
			listed.data.map((refund) => refund.amount),
			[700, 300],
		);
	});
});

test('refund get, update metadata (refund.updated) and cancel of a succeeded refund', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const intent = await paid(stripe);
		const refund = await stripe.refunds.create({
			payment_intent: intent.id,
			metadata: { ticket: '7' },
		});
		const updated = await stripe.refunds.update(refund.id, {
			metadata: { ticket: '', agent: 'bo' },
		});
		assert.deepEqual(updated.metadata, { agent: 'bo' });
		assert.equal((await stripe.refunds.retrieve(refund.id)).metadata?.agent, 'bo');
		const events = await stripe.events.list({ type: 'refund.updated' });
		assert.equal(events.data.length, 1);
		const error = await stripe.refunds.cancel(refund.id).then(
			() => null,
			(caught: unknown) => caught,
		);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
	});
});

test('refunding an unpaid intent or an unknown one fails the way Stripe does', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const open = await stripe.paymentIntents.create({
			amount: 500,
			currency: 'usd',
			allowed_payment_method_types: ['card'],
		});
		const unpaid = await raw(emulator, 'POST', '/v1/refunds', { payment_intent: open.id });
		assert.equal(unpaid.status, 400);
		assert.equal(unpaid.body.error.type, 'invalid_request_error');
		const unknown = await raw(emulator, 'POST', '/v1/refunds', { payment_intent: 'pi_missing' });
		assert.equal(unknown.status, 404);
		assert.equal(unknown.body.error.code, 'resource_missing');
		assert.equal(unknown.body.error.message, "No such payment_intent: 'pi_missing'");
		const neither = await raw(emulator, 'POST', '/v1/refunds', {});
		assert.equal(neither.status, 400);
		assert.equal(neither.body.error.code, 'parameter_missing');
	});
});

test('pm_card_refundFail: the refund is answered succeeded, then fails with refund.failed', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const intent = await stripe.paymentIntents.create({
			amount: 2000,
			currency: 'usd',
			payment_method: 'pm_card_refundFail',
			confirm: true,
			allowed_payment_method_types: ['card'],
		});
		const refund = await stripe.refunds.create({ payment_intent: intent.id });
		assert.equal(refund.status, 'succeeded');
		const later = await stripe.refunds.retrieve(refund.id);
		assert.equal(later.status, 'failed');
		assert.equal(later.failure_reason, 'expired_or_canceled_card');
		const failed = await stripe.events.list({ type: 'refund.failed' });
		assert.equal(failed.data.length, 1);
		const charge = await stripe.charges.retrieve(String(intent.latest_charge));
		assert.equal(charge.amount_refunded, 0);
		assert.equal((await stripe.refunds.create({ payment_intent: intent.id })).amount, 2000);
	});
});
