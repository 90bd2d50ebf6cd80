import assert from 'node:assert/strict';
import { test } from 'node:test';
import { control, raw, withEmulator } from './testClient';

const charge = {
	amount: 1200,
	currency: 'usd',
	payment_method: 'pm_card_visa',
	confirm: true,
	allowed_payment_method_types: ['card'],
};

test('same key and params replays the stored response with Idempotent-Replayed', async () => {
	await withEmulator({}, async (emulator) => {
		const first = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			'Idempotency-Key': 'order-1',
		});
		const second = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			'Idempotency-Key': 'order-1',
		});
		assert.equal(first.status, 200);
		assert.equal(second.status, 200);
		assert.equal(first.headers.get('idempotent-replayed'), null);
		assert.equal(second.headers.get('idempotent-replayed'), 'true');
		assert.equal(second.headers.get('original-request'), first.headers.get('request-id'));
		assert.notEqual(second.headers.get('request-id'), first.headers.get('request-id'));
		assert.deepEqual(second.body, first.body);
		const state = await control(emulator, 'GET', '/state');
		assert.equal(state.body.objects.payment_intent, 1);
		assert.deepEqual(state.body.moneyMovementsByIdempotencyKey, { 'order-1': 1 });
	});
});

test('same key with other params is a 400 idempotency_error and changes nothing', async () => {
	await withEmulator({}, async (emulator) => {
		await raw(emulator, 'POST', '/v1/payment_intents', charge, { 'Idempotency-Key': 'k' });
		const other = await raw(
			emulator,
			'POST',
			'/v1/payment_intents',
			{ ...charge, amount: 99 },
			{ 'Idempotency-Key': 'k' },
		);
		assert.equal(other.status, 400);
		assert.equal(other.body.error.type, 'idempotency_error');
		const otherPath = await raw(
			emulator,
			'POST',
			'/v1/refunds',
			{ payment_intent: 'pi_x' },
			{ 'Idempotency-Key': 'k' },
		);
		assert.equal(otherPath.status, 400);
		assert.equal(otherPath.body.error.type, 'idempotency_error');
		assert.equal((await control(emulator, 'GET', '/state')).body.objects.payment_intent, 1);
	});
});

test('a concurrent request with the same key gets 409 and nothing is stored for it', async () => {
	await withEmulator({ latencyMs: 1000 }, async (emulator) => {
		const [a, b] = await Promise.all([
			raw(emulator, 'POST', '/v1/payment_intents', charge, { 'Idempotency-Key': 'race' }),
			raw(emulator, 'POST', '/v1/payment_intents', charge, { 'Idempotency-Key': 'race' }),
		]);
		const statuses = [a.status, b.status].sort();
		assert.deepEqual(statuses, [200, 409]);
		const conflict = a.status === 409 ? a : b;
		assert.equal(conflict.body.error.type, 'idempotency_error');
		assert.match(conflict.body.error.message, /another in-progress request/);
		const retry = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			'Idempotency-Key': 'race',
		});
		assert.equal(retry.headers.get('idempotent-replayed'), 'true');
		assert.equal((await control(emulator, 'GET', '/state')).body.moneyMovements.length, 1);
	});
});

test('validation errors are not stored; executed errors (declines) are replayed', async () => {
	await withEmulator({}, async (emulator) => {
		const invalid = await raw(
			emulator,
			'POST',
			'/v1/payment_intents',
			{ currency: 'usd' },
			{ 'Idempotency-Key': 'v' },
		);
		assert.equal(invalid.status, 400);
		const fixed = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			'Idempotency-Key': 'v',
		});
		assert.equal(fixed.status, 200);
		const declined = { ...charge, payment_method: 'pm_card_chargeDeclined' };
		const first = await raw(emulator, 'POST', '/v1/payment_intents', declined, {
			'Idempotency-Key': 'd',
		});
		const again = await raw(emulator, 'POST', '/v1/payment_intents', declined, {
			'Idempotency-Key': 'd',
		});
		assert.equal(first.status, 402);
		assert.equal(again.status, 402);
		assert.equal(again.headers.get('idempotent-replayed'), 'true');
		assert.equal(again.body.error.payment_intent.id, first.body.error.payment_intent.id);
	});
});

test('keys are scoped per mode and per connected account', async () => {
	await withEmulator({}, async (emulator) => {
		const headers = { 'Idempotency-Key': 'shared' };
		const test1 = await raw(emulator, 'POST', '/v1/payment_intents', charge, headers);
		const live = await raw(
			emulator,
			'POST',
			'/v1/payment_intents',
			{ ...charge, confirm: false },
			headers,
			'sk_live_123',
		);
		const connected = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			...headers,
			'Stripe-Account': 'acct_1',
		});
		assert.equal(live.body.livemode, true);
		assert.equal(live.headers.get('idempotent-replayed'), null);
		assert.equal(connected.headers.get('idempotent-replayed'), null);
		assert.notEqual(test1.body.id, live.body.id);
		assert.notEqual(test1.body.id, connected.body.id);
		const recorded = emulator.requests.find((request) => request.stripeAccount === 'acct_1');
		assert.equal(recorded?.idempotencyKey, 'shared');
	});
});

test('a 256-character key is refused', async () => {
	await withEmulator({}, async (emulator) => {
		const response = await raw(emulator, 'POST', '/v1/payment_intents', charge, {
			'Idempotency-Key': 'k'.repeat(256),
		});
		assert.equal(response.status, 400);
		assert.equal(response.body.error.type, 'invalid_request_error');
	});
});

test('a replay answers the first response as it was, not the object as it is now', async () => {
	await withEmulator({}, async (emulator) => {
		const held = { ...charge, capture_method: 'manual' };
		const first = await raw(emulator, 'POST', '/v1/payment_intents', held, {
			'Idempotency-Key': 'snap',
		});
		assert.equal(first.body.status, 'requires_capture');
		await raw(emulator, 'POST', `/v1/payment_intents/${first.body.id}/capture`, {});
		const replay = await raw(emulator, 'POST', '/v1/payment_intents', held, {
			'Idempotency-Key': 'snap',
		});
		assert.equal(replay.headers.get('idempotent-replayed'), 'true');
		assert.equal(replay.body.status, 'requires_capture');
		const now = await raw(emulator, 'GET', `/v1/payment_intents/${first.body.id}`);
		assert.equal(now.body.status, 'succeeded');
	});
});
