import assert from 'node:assert/strict';
import { test } from 'node:test';
import { control, raw, withEmulator } from './testClient';

const paid = {
	amount: 3000,
	currency: 'usd',
	payment_method: 'pm_card_visa',
	confirm: true,
	allowed_payment_method_types: ['card'],
};

test('GET /_emulator/state counts refunds per payment, movements per key, endpoints, deliveries', async () => {
	await withEmulator({}, async (emulator) => {
		const intent = (
			await raw(emulator, 'POST', '/v1/payment_intents', paid, { 'Idempotency-Key': 'pay-1' })
		).body;
		const refund = (amount: number, key: string) =>
			raw(
				emulator,
				'POST',
				'/v1/refunds',
				{ payment_intent: intent.id, amount },
				{ 'Idempotency-Key': key },
			);
		await refund(1000, 'r-1');
		await refund(500, 'r-2');
		await refund(1000, 'r-1'); // a replay: no second money movement
		await raw(emulator, 'POST', '/v1/webhook_endpoints', {
			url: 'http://127.0.0.1:9/unreachable',
			enabled_events: ['refund.created'],
		});
		await raw(
			emulator,
			'POST',
			'/v1/payment_intents',
			{ ...paid, confirm: false },
			{},
			'sk_live_1',
		);
		const state = (await control(emulator, 'GET', '/state')).body;
		assert.deepEqual(state.refundsByPaymentIntent, { [intent.id]: 2 });
		assert.deepEqual(state.moneyMovementsByIdempotencyKey, { 'pay-1': 1, 'r-1': 1, 'r-2': 1 });
		assert.equal(state.webhookEndpoints, 1);
		assert.equal(state.endpoints[0].url, 'http://127.0.0.1:9/unreachable');
		assert.equal(state.objects.payment_intent, 1);
		const live = (await control(emulator, 'GET', '/state?mode=live')).body;
		assert.equal(live.objects.payment_intent, 1);
		assert.equal(live.webhookEndpoints, 0);
		const reset = await control(emulator, 'POST', '/reset');
		assert.equal(reset.status, 200);
		assert.deepEqual((await control(emulator, 'GET', '/state')).body.objects, {});
	});
});

test('control errors: unknown route 404, bad JSON 400, fault fractions over 1 refused', async () => {
	await withEmulator({}, async (emulator) => {
		assert.equal((await control(emulator, 'GET', '/nope')).status, 404);
		const bad = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: '{' });
		assert.equal(bad.status, 400);
		const over = await control(emulator, 'POST', '/faults', { error500: 0.7, reset: 0.5 });
		assert.equal(over.status, 400);
		const missing = await control(emulator, 'POST', '/checkout/cs_test_missing/pay', {});
		assert.equal(missing.status, 404);
	});
});
