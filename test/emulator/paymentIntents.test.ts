import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { control, raw, withEmulator } from './testClient';

const card = { allowed_payment_method_types: ['card'] };

test('pm_card_visa confirms to succeeded through the stripe SDK, with a charge and events', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const intent = await stripe.paymentIntents.create({
			amount: 2500,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			...card,
			metadata: { order: 'A-1' },
		});
		assert.equal(intent.status, 'succeeded');
		assert.equal(intent.amount_received, 2500);
		assert.match(intent.id, /^pi_/);
		assert.match(String(intent.payment_method), /^pm_/);
		assert.notEqual(intent.payment_method, 'pm_card_visa');
		assert.equal(intent.livemode, false);
		assert.deepEqual(intent.metadata, { order: 'A-1' });
		const charge = await stripe.charges.retrieve(String(intent.latest_charge));
		assert.equal(charge.status, 'succeeded');
		assert.equal(charge.payment_method_details?.card?.last4, '4242');
		const again = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
		assert.equal((again.latest_charge as Stripe.Charge).id, charge.id);
		const listed = await stripe.paymentIntents.list({ limit: 5 });
		assert.equal(listed.object, 'list');
		assert.equal(listed.data[0].id, intent.id);
		const events = await stripe.events.list({ type: 'payment_intent.succeeded' });
		assert.equal(events.data.length, 1);
		assert.equal((events.data[0].data.object as Stripe.PaymentIntent).id, intent.id);
	});
});

test('declines answer 402 card_error with the PaymentIntent in the error, as Stripe does', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const cases = [
			['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
			['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
			['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
		] as const;
		for (const [paymentMethod, code, declineCode] of cases) {
			const error = await stripe.paymentIntents
				.create({
					amount: 1000,
					currency: 'usd',
					payment_method: paymentMethod,
					confirm: true,
					...card,
				})
				.then(
					() => null,
					(caught: unknown) => caught,
				);
			assert.ok(error instanceof Stripe.errors.StripeCardError, paymentMethod);
			assert.equal(error.statusCode, 402);
			assert.equal(error.code, code);
			assert.equal(error.decline_code, declineCode);
			assert.equal(error.payment_intent?.status, 'requires_payment_method');
			assert.equal(error.payment_intent?.last_payment_error?.decline_code, declineCode);
			assert.match(String(error.requestId), /^req_/);
		}
	});
});

test('pm_card_authenticationRequired: off-session fails with authentication_required', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const error = await stripe.paymentIntents
			.create({
				amount: 1000,
				currency: 'eur',
				payment_method: 'pm_card_authenticationRequired',
				confirm: true,
				off_session: true,
				...card,
			})
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(error instanceof Stripe.errors.StripeCardError);
		assert.equal(error.code, 'authentication_required');
		assert.equal(error.payment_intent?.status, 'requires_payment_method');
		assert.ok(error.payment_intent?.id);
	});
});

test('error_on_requires_action turns an on-session 3-D Secure demand into a 402', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await raw(emulator, 'POST', '/v1/payment_intents', {
			amount: 1000,
			currency: 'usd',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			error_on_requires_action: true,
			allowed_payment_method_types: ['card'],
		});
		assert.equal(response.status, 402);
		assert.equal(response.body.error.code, 'authentication_required');
	});
});

test('pm_card_authenticationRequired on-session: requires_action, redirect only with return_url', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const sdkOnly = await stripe.paymentIntents.create({
			amount: 1000,
			currency: 'eur',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			...card,
		});
		assert.equal(sdkOnly.status, 'requires_action');
		assert.equal(sdkOnly.next_action?.type, 'use_stripe_sdk');
		const redirect = await stripe.paymentIntents.create({
			amount: 1000,
			currency: 'eur',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			return_url: 'https://example.com/done',
			...card,
		});
		assert.equal(redirect.next_action?.type, 'redirect_to_url');
		assert.match(String(redirect.next_action?.redirect_to_url?.url), /\/3ds\/pi_/);
		const done = await control(
			emulator,
			'POST',
			`/payment_intents/${redirect.id}/authenticate`,
			{},
		);
		assert.equal(done.body.status, 'succeeded');
		assert.equal((await stripe.paymentIntents.retrieve(redirect.id)).status, 'succeeded');
	});
});

test('confirming with automatic payment methods and no return_url is refused like Stripe does', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await raw(emulator, 'POST', '/v1/payment_intents', {
			amount: 1000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
		});
		assert.equal(response.status, 400);
		assert.equal(response.body.error.param, 'return_url');
		const never = await raw(emulator, 'POST', '/v1/payment_intents', {
			amount: 1000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			off_session: true,
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});
		assert.equal(never.status, 200);
		assert.equal(never.body.status, 'succeeded');
	});
});

test('manual capture, partial capture, cancel and their state errors', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const held = await stripe.paymentIntents.create({
			amount: 5000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			capture_method: 'manual',
			...card,
		});
		assert.equal(held.status, 'requires_capture');
		assert.equal(held.amount_capturable, 5000);
		const captured = await stripe.paymentIntents.capture(held.id, { amount_to_capture: 3000 });
		assert.equal(captured.status, 'succeeded');
		assert.equal(captured.amount_received, 3000);
		const error = await stripe.paymentIntents.cancel(held.id).then(
			() => null,
			(caught: unknown) => caught,
		);
		const again = await stripe.paymentIntents.capture(held.id).then(
			() => null,
			(caught: unknown) => caught as Error,
		);
		assert.match(
			String(again?.message),
			/^This PaymentIntent could not be captured because it has a status of succeeded/,
		);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
		assert.equal(error.code, 'payment_intent_unexpected_state');
		const open = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', ...card });
		assert.equal((await stripe.paymentIntents.cancel(open.id)).status, 'canceled');
	});
});

test('pm_card_createDispute succeeds and opens a dispute', async () => {
	await withEmulator({}, async (_emulator, stripe) => {
		const intent = await stripe.paymentIntents.create({
			amount: 1000,
			currency: 'usd',
			payment_method: 'pm_card_createDispute',
			confirm: true,
			...card,
		});
		assert.equal(intent.status, 'succeeded');
		const events = await stripe.events.list({ type: 'charge.dispute.created' });
		assert.equal(events.data.length, 1);
		assert.equal((events.data[0].data.object as Stripe.Dispute).payment_intent, intent.id);
	});
});

test('search by metadata and status answers a search_result; missing params say which', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		await stripe.paymentIntents.create({
			amount: 100,
			currency: 'usd',
			...card,
			metadata: { order: 'x1' },
		});
		await stripe.paymentIntents.create({
			amount: 200,
			currency: 'usd',
			...card,
			metadata: { order: 'x2' },
		});
		const found = await stripe.paymentIntents.search({ query: "metadata['order']:'x2'" });
		assert.equal(found.object, 'search_result');
		assert.equal(found.data.length, 1);
		assert.equal(found.data[0].amount, 200);
		const both = await stripe.paymentIntents.search({
			query: "status:'requires_payment_method' AND amount>=100",
			limit: 1,
		});
		assert.equal(both.has_more, true);
		assert.ok(both.next_page);
		const missing = await raw(emulator, 'POST', '/v1/payment_intents', { currency: 'usd' });
		assert.equal(missing.status, 400);
		assert.equal(missing.body.error.code, 'parameter_missing');
		assert.equal(missing.body.error.param, 'amount');
	});
});
