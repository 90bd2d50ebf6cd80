import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import Stripe from 'stripe';
import { control, raw, withEmulator } from './testClient';

interface Received {
	body: string;
	signature: string | undefined;
}

/** A webhook receiver on loopback answering with the statuses given, then 200. */
async function receiver(statuses: number[] = []) {
	const received: Received[] = [];
	const server: Server = createServer((req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				body: Buffer.concat(chunks).toString('utf8'),
				signature: req.headers['stripe-signature'] as string | undefined,
			});
			res.writeHead(statuses.shift() ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return {
		url,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

test('events reach matching endpoints signed so that stripe.webhooks.constructEvent accepts them', async () => {
	const hook = await receiver();
	try {
		await withEmulator({}, async (emulator, stripe) => {
			const endpoint = await stripe.webhookEndpoints.create({
				url: hook.url,
				enabled_events: ['payment_intent.succeeded'],
				api_version: '2026-10-28.endive',
			});
			assert.match(String(endpoint.secret), /^whsec_/);
			const fetched = await stripe.webhookEndpoints.retrieve(endpoint.id);
			assert.equal(fetched.secret, undefined);
			await stripe.paymentIntents.create({
				amount: 1000,
				currency: 'usd',
				payment_method: 'pm_card_visa',
				confirm: true,
				allowed_payment_method_types: ['card'],
			});
			await emulator.idle();
			assert.equal(hook.received.length, 1);
			const event = stripe.webhooks.constructEvent(
				hook.received[0].body,
				String(hook.received[0].signature),
				String(endpoint.secret),
			);
			assert.equal(event.type, 'payment_intent.succeeded');
			assert.equal(event.api_version, '2026-10-28.endive');
			assert.equal(emulator.deliveries[0].status, 200);
		});
	} finally {
		await hook.close();
	}
});

test('a non-2xx answer is re-delivered on the retry schedule, each attempt recorded', async () => {
	const hook = await receiver([500, 503]);
	try {
		await withEmulator({ webhookRetryDelaysMs: [10, 10, 10] }, async (emulator, stripe) => {
			await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
			const customer = { id: 'cus_123', object: 'customer' };
			const event = emulator.deliverEvent('customer.created', customer);
			await emulator.idle();
			assert.deepEqual(
				emulator.deliveries.map((delivery) => [delivery.attempt, delivery.status]),
				[
					[1, 500],
					[2, 503],
					[3, 200],
				],
			);
			assert.equal(hook.received.length, 3);
			assert.ok(hook.received.every((delivery) => delivery.body.includes(event.id)));
			assert.equal((await stripe.events.retrieve(event.id)).pending_webhooks, 0);
			const undelivered = await stripe.events.list({ delivery_success: false });
			assert.equal(undelivered.data.length, 0);
		});
	} finally {
		await hook.close();
	}
});

test('an unreachable endpoint is recorded as a failed attempt and retried', async () => {
	const hook = await receiver();
	await hook.close();
	await withEmulator({ webhookRetryDelaysMs: [5] }, async (emulator, stripe) => {
		await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
		emulator.deliverEvent('customer.created', { id: 'cus_1', object: 'customer' });
		await emulator.idle();
		assert.equal(emulator.deliveries.length, 2);
		assert.ok(emulator.deliveries.every((delivery) => delivery.status === null && delivery.error));
	});
});

test('endpoints: list, update enabled_events and disabled, delete; the 17th is refused', async () => {
	await withEmulator({}, async (emulator, stripe) => {
		const ids: string[] = [];
		for (let i = 0; i < 16; i++) {
			ids.push(
				(
					await stripe.webhookEndpoints.create({
						url: `https://example.com/${i}`,
						enabled_events: ['*'],
					})
				).id,
			);
		}
		const error = await stripe.webhookEndpoints
			.create({ url: 'https://example.com/17', enabled_events: ['*'] })
			.then(
				() => null,
				(caught: unknown) => caught,
			);
		assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
		const page = await stripe.webhookEndpoints.list({ limit: 10 });
		assert.equal(page.data.length, 10);
		assert.equal(page.has_more, true);
		const rest = await stripe.webhookEndpoints.list({ limit: 10, starting_after: page.data[9].id });
		assert.equal(rest.data.length, 6);
		assert.equal(rest.has_more, false);
		const updated = await stripe.webhookEndpoints.update(ids[0], {
			enabled_events: ['charge.refunded'],
			disabled: true,
		});
		assert.deepEqual(updated.enabled_events, ['charge.refunded']);
		assert.equal(updated.status, 'disabled');
		const deleted = await stripe.webhookEndpoints.del(ids[0]);
		assert.equal(deleted.deleted, true);
		assert.equal((await control(emulator, 'GET', '/state')).body.webhookEndpoints, 15);
	});
});

test('control deliver: times, concurrency, tampered body or signature, stale and unsigned', async () => {
	const hook = await receiver();
	try {
		await withEmulator({}, async (emulator, stripe) => {
			const endpoint = await stripe.webhookEndpoints.create({
				url: hook.url,
				enabled_events: ['*'],
			});
			const secret = String(endpoint.secret);
			const event = {
				id: 'evt_fixed',
				object: 'event',
				type: 'payment_intent.succeeded',
				data: { object: {} },
			};
			const five = await control(emulator, 'POST', '/deliver', { event, times: 5, concurrent: 2 });
			assert.equal(five.body.deliveries.length, 5);
			for (const delivery of hook.received) {
				assert.equal(
					stripe.webhooks.constructEvent(delivery.body, String(delivery.signature), secret).id,
					'evt_fixed',
				);
			}
			const wrongs: Array<[Record<string, unknown>, RegExp]> = [
				[{ tamper: 'body' }, /No signatures found matching/],
				[{ tamper: 'signature' }, /No signatures found matching/],
				[{ staleSeconds: 3600 }, /Timestamp outside the tolerance zone/],
				[{ unsigned: true }, /No stripe-signature header value was provided|Unable to extract/],
			];
			for (const [options, message] of wrongs) {
				hook.received.length = 0;
				await control(emulator, 'POST', '/deliver', { event, ...options });
				const delivery = hook.received[0];
				assert.throws(
					() => stripe.webhooks.constructEvent(delivery.body, delivery.signature as string, secret),
					message,
				);
			}
			const secretFromControl = await control(
				emulator,
				'GET',
				`/webhook_endpoints/${endpoint.id}/secret`,
			);
			assert.equal(secretFromControl.body.secret, secret);
		});
	} finally {
		await hook.close();
	}
});

test('a deleted endpoint gets no more re-deliveries', async () => {
	let deleteEndpoint: () => Promise<unknown> = async () => undefined;
	let received = 0;
	// Answers 500 only after the endpoint is deleted, so the re-delivery is due after deletion.
	const server = createServer((req, res) => {
		received++;
		req.resume();
		req.on('end', () => {
			void deleteEndpoint().then(() => res.writeHead(500).end());
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	try {
		await withEmulator({ webhookRetryDelaysMs: [1, 1] }, async (emulator, stripe) => {
			const endpoint = await stripe.webhookEndpoints.create({ url, enabled_events: ['*'] });
			deleteEndpoint = () => stripe.webhookEndpoints.del(endpoint.id);
			emulator.deliverEvent('customer.created', { id: 'cus_2', object: 'customer' });
			await emulator.idle();
			assert.equal(emulator.deliveries.length, 1);
			assert.equal(emulator.deliveries[0].status, 500);
			assert.equal(received, 1);
		});
	} finally {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
});

test('endpoints with an unknown event type or api_version are refused as Stripe does', async () => {
	await withEmulator({}, async (emulator) => {
		const event = await raw(emulator, 'POST', '/v1/webhook_endpoints', {
			url: 'https://example.com/h',
			enabled_events: ['payment_intent.succeeded', 'payment.succeeded'],
		});
		assert.equal(event.status, 400);
		assert.equal(event.body.error.param, 'enabled_events[1]');
		const version = await raw(emulator, 'POST', '/v1/webhook_endpoints', {
			url: 'https://example.com/h',
			enabled_events: ['*'],
			api_version: '2026-13-01',
		});
		assert.equal(version.status, 400);
		assert.equal(version.body.error.param, 'api_version');
	});
});
