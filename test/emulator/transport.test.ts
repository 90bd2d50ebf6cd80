import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { startStripeEmulator } from './index';
import { control, raw, stripeClient, withEmulator } from './testClient';

test('no key or a non-secret key is 401, with the key masked as Stripe masks it', async () => {
	await withEmulator({}, async (emulator) => {
		const missing = await raw(emulator, 'GET', '/v1/refunds', {}, {}, null);
		assert.equal(missing.status, 401);
		assert.match(missing.body.error.message, /You did not provide an API key/);
		const publishable = await raw(emulator, 'GET', '/v1/refunds', {}, {}, 'pk_test_abcdefgh1234');
		assert.equal(publishable.status, 401);
		assert.equal(publishable.body.error.message, 'Invalid API Key provided: pk_test_********1234');
		assert.match(String(publishable.headers.get('request-id')), /^req_/);
		const error = await stripeClient(emulator, 'not_a_key_1234')
			.refunds.list()
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(error instanceof Stripe.errors.StripeAuthenticationError);
		assert.ok(!String(error.message).includes('not_a_key'));
		for (const key of ['sk_test_x', 'rk_test_y', 'sk_live_z', 'rk_live_w']) {
			const ok = await raw(emulator, 'GET', '/v1/refunds', {}, {}, key);
			assert.equal(ok.status, 200, key);
		}
	});
});

test('unknown routes are Stripe 404 Unrecognized request URL; Stripe-Version is recorded', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await raw(
			emulator,
			'GET',
			'/v1/nope',
			{},
			{ 'Stripe-Version': '2026-10-28.endive' },
		);
		assert.equal(response.status, 404);
		assert.match(response.body.error.message, /^Unrecognized request URL \(GET: \/v1\/nope\)/);
		assert.equal(response.body.error.type, 'invalid_request_error');
		assert.equal(emulator.requests.at(-1)?.apiVersion, '2026-10-28.endive');
	});
});

test('rate limit per key: the request over the limit in one second is 429 rate_limit', async () => {
	await withEmulator(
		{ rateLimitPerSecond: { test: 3, live: 5 }, rateLimitWindowMs: 60_000 },
		async (emulator, stripe) => {
			const statuses: number[] = [];
			for (let i = 0; i < 4; i++) statuses.push((await raw(emulator, 'GET', '/v1/refunds')).status);
			assert.deepEqual(statuses, [200, 200, 200, 429]);
			const limited = await raw(emulator, 'GET', '/v1/refunds');
			assert.equal(limited.body.error.code, 'rate_limit');
			const error = await stripe.refunds.list().then(
				() => null,
				(caught: unknown) => caught,
			);
			assert.ok(error instanceof Stripe.errors.StripeRateLimitError);
			assert.equal(
				(await raw(emulator, 'GET', '/v1/refunds', {}, {}, 'sk_test_other')).status,
				200,
			);
			for (let i = 0; i < 5; i++) {
				assert.equal((await raw(emulator, 'GET', '/v1/refunds', {}, {}, 'sk_live_1')).status, 200);
			}
			assert.equal((await raw(emulator, 'GET', '/v1/refunds', {}, {}, 'sk_live_1')).status, 429);
		},
	);
});

async function faultStatuses(seed: number): Promise<number[]> {
	const emulator = await startStripeEmulator({
		rateLimitPerSecond: 0,
		faults: { seed, error500: 0.3, rateLimit429: 0.2 },
	});
	try {
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++) statuses.push((await raw(emulator, 'GET', '/v1/refunds')).status);
		return statuses;
	} finally {
		await emulator.stop();
	}
}

test('seeded faults are deterministic and include 500 api_error and 429 with Retry-After', async () => {
	const first = await faultStatuses(42);
	const second = await faultStatuses(42);
	assert.deepEqual(first, second);
	assert.ok(first.includes(500) && first.includes(429) && first.includes(200));
	await withEmulator(
		{ faults: { seed: 1, rateLimit429: 1, retryAfterSeconds: 2 } },
		async (emulator) => {
			const limited = await raw(emulator, 'GET', '/v1/refunds');
			assert.equal(limited.status, 429);
			assert.equal(limited.headers.get('retry-after'), '2');
			await control(emulator, 'POST', '/faults', { error500: 1 });
			const failed = await raw(emulator, 'GET', '/v1/refunds');
			assert.equal(failed.status, 500);
			assert.equal(failed.body.error.type, 'api_error');
			await control(emulator, 'DELETE', '/faults');
			assert.equal((await raw(emulator, 'GET', '/v1/refunds')).status, 200);
		},
	);
});

test('a reset after execution loses the response but the retry with the key replays it', async () => {
	await withEmulator({ faults: { resetAfter: 1, seed: 3 } }, async (emulator) => {
		const params = {
			amount: 700,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			allowed_payment_method_types: ['card'],
		};
		await assert.rejects(
			raw(emulator, 'POST', '/v1/payment_intents', params, { 'Idempotency-Key': 'lost' }),
		);
		emulator.faults.clear();
		const retry = await raw(emulator, 'POST', '/v1/payment_intents', params, {
			'Idempotency-Key': 'lost',
		});
		assert.equal(retry.status, 200);
		assert.equal(retry.headers.get('idempotent-replayed'), 'true');
		assert.equal(emulator.scope().moneyMovements.length, 1);
		emulator.faults.set({ reset: 1 });
		await assert.rejects(
			raw(emulator, 'POST', '/v1/payment_intents', params, { 'Idempotency-Key': 'never' }),
		);
		emulator.faults.clear();
		const fresh = await raw(emulator, 'POST', '/v1/payment_intents', params, {
			'Idempotency-Key': 'never',
		});
		assert.equal(fresh.headers.get('idempotent-replayed'), null);
		assert.equal(emulator.scope().moneyMovements.length, 2);
	});
});

test('unknown top-level params are 400 parameter_unknown at the pinned version, as Stripe does', async () => {
	await withEmulator({}, async (emulator) => {
		const params = { amount: 100, currency: 'usd', payment_method_types: ['card'] };
		const pinned = await raw(emulator, 'POST', '/v1/payment_intents', params, {
			'Idempotency-Key': 'u1',
		});
		assert.equal(pinned.status, 400);
		assert.equal(pinned.body.error.code, 'parameter_unknown');
		assert.equal(pinned.body.error.param, 'payment_method_types');
		const typo = await raw(emulator, 'POST', '/v1/refunds', { payment_intnet: 'pi_1' });
		assert.equal(typo.body.error.param, 'payment_intnet');
		const older = await raw(emulator, 'POST', '/v1/payment_intents', params, {
			'Stripe-Version': '2025-01-27.acacia',
		});
		assert.equal(older.status, 200);
	});
});

test('JSON bodies, amounts under the minimum and test cards in live mode are refused like Stripe', async () => {
	await withEmulator({}, async (emulator) => {
		const json = await fetch(`${emulator.url}/v1/customers`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sk_test_1', 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: 'a@example.com' }),
		});
		assert.equal(json.status, 400);
		const small = await raw(emulator, 'POST', '/v1/payment_intents', {
			amount: 49,
			currency: 'usd',
		});
		assert.equal(small.body.error.code, 'amount_too_small');
		assert.equal(small.body.error.param, 'amount');
		const live = await raw(
			emulator,
			'POST',
			'/v1/payment_intents',
			{
				amount: 1000,
				currency: 'usd',
				payment_method: 'pm_card_visa',
				confirm: true,
				allowed_payment_method_types: ['card'],
			},
			{},
			'sk_live_123',
		);
		assert.equal(live.status, 402);
		assert.equal(live.body.error.decline_code, 'live_mode_test_card');
		assert.equal(live.body.error.payment_intent.livemode, true);
	});
});

test('a malformed Stripe-Version is 400 and a Stripe-Account that is no account id is 403', async () => {
	await withEmulator({}, async (emulator) => {
		const version = await raw(emulator, 'GET', '/v1/customers', {}, { 'Stripe-Version': 'latest' });
		assert.equal(version.status, 400);
		assert.match(version.body.error.message, /Invalid Stripe API version: latest/);
		const account = await raw(emulator, 'GET', '/v1/customers', {}, { 'Stripe-Account': 'shop-1' });
		assert.equal(account.status, 403);
		assert.equal(account.body.error.code, 'account_invalid');
		assert.ok(!account.body.error.message.includes('sk_test_123'));
		const ok = await raw(emulator, 'GET', '/v1/customers', {}, { 'Stripe-Account': 'acct_1Shop' });
		assert.equal(ok.status, 200);
	});
});
