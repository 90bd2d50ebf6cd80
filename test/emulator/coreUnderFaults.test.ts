import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callStripe } from '../../core/stripe/client';
import type { SendRequest } from '../../core/http';
import { raw, withEmulator } from './testClient';

/**
 * The project's own client (core/stripe/client: retries with one idempotency key) against the
 * emulator failing half of the refund requests: every payment is refunded exactly once.
 */
test('core/stripe client + seeded faults: 20 refunds, each exactly once', async () => {
	await withEmulator({}, async (emulator) => {
		const send: SendRequest = async (request) => {
			const response = await fetch(request.url, {
				method: request.method,
				headers: { ...request.headers, Authorization: 'Bearer sk_test_123' },
				body: request.body,
			});
			const text = await response.text();
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// keep the text
			}
			return { status: response.status, headers: Object.fromEntries(response.headers), body };
		};
		// Backoff is the client's business; here it only has to be short.
		const sleep = (ms: number) =>
			new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 2)));
		const intents: string[] = [];
		for (let i = 0; i < 20; i++) {
			const paid = await raw(emulator, 'POST', '/v1/payment_intents', {
				amount: 1000 + i,
				currency: 'usd',
				payment_method: 'pm_card_visa',
				confirm: true,
				allowed_payment_method_types: ['card'],
			});
			intents.push(paid.body.id);
		}
		emulator.faults.set({
			seed: 11,
			error500: 0.15,
			rateLimit429: 0.15,
			reset: 0.1,
			resetAfter: 0.1,
			pathPrefixes: ['/v1/refunds'],
		});
		let remaining = [...intents];
		for (let run = 0; run < 5 && remaining.length > 0; run++) {
			const failed: string[] = [];
			for (const intent of remaining) {
				try {
					await callStripe(
						{
							method: 'POST',
							path: '/v1/refunds',
							params: { payment_intent: intent },
							idempotencyKey: `refund-${intent}`,
							baseUrl: emulator.url,
						},
						{ send, sleep },
					);
				} catch {
					failed.push(intent);
				}
			}
			remaining = failed;
		}
		emulator.faults.clear();
		assert.deepEqual(remaining, []);
		const refunds = emulator
			.scope()
			.moneyMovements.filter((movement) => movement.kind === 'refund');
		assert.equal(refunds.length, 20);
		assert.deepEqual(refunds.map((refund) => refund.paymentIntent).sort(), [...intents].sort());
		const injected = emulator.faults.injected;
		assert.ok(injected.error500 + injected.rateLimit429 + injected.reset + injected.resetAfter > 5);
		assert.ok(injected.resetAfter > 0, 'some refunds happened while their response was lost');
	});
});
