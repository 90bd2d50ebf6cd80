import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../src/index';
import { zapierErrorOf } from './zapierError';

/**
 * The whole app over real HTTP against the project's Stripe emulator (test/emulator/cli.ts, in its
 * own process): real form bodies, idempotency semantics and webhook deliveries signed by the
 * emulator, received by a loopback server standing in for Zapier's hook URL. Needs the root's
 * `npm install` (the emulator lives in the root test tree). A separate process because Zapier's
 * runtime patches this process's http.request in a way the emulator's webhook sender trips over.
 */

// Not ./helpers: it loads nock, which has no business between real sockets here.
const appTester = createAppTester(App);
async function run<T = Record<string, unknown>>(
	fn: unknown,
	bundle: object,
	options: { keepCache?: boolean } = {},
): Promise<T> {
	type StepFunction = (z: ZObject, bundle: Bundle) => unknown;
	return (await appTester(fn as StepFunction, bundle as Partial<Bundle>, !options.keepCache)) as T;
}

interface Delivery {
	signature: string;
	body: string;
}

let emulator: ChildProcess;
let emulatorUrl = '';
let hookServer: Server;
let targetUrl: string;
const received: Delivery[] = [];
const authData = () => ({ apiKey: 'sk_test_123', mode: 'test', baseUrl: emulatorUrl });
const triggerOperation = (key: keyof typeof App.triggers) =>
	App.triggers[key].operation as unknown as Record<string, unknown>;
const meta = { zap: { id: 'zap_emulator' } };

async function emulatorControl(path: string, body?: object): Promise<Record<string, unknown>> {
	const response = await fetch(`${emulatorUrl}/_emulator${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as Record<string, unknown>;
}

interface MoneyMovement {
	kind: string;
	paymentIntent: string | null;
	amount: number;
}

const moneyMovements = async () =>
	(await emulatorControl('/state')).moneyMovements as MoneyMovement[];

/** Starts test/emulator/cli.ts on a free port and resolves with its URL. */
function startEmulator(): Promise<string> {
	const cli = join(__dirname, '..', '..', 'test', 'emulator', 'cli.ts');
	emulator = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--rate-limit', '0'], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return new Promise((resolve, reject) => {
		let output = '';
		emulator.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /STRIPE_EMULATOR_URL=(\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		emulator.once('exit', (code) =>
			reject(new Error(`emulator exited (${code}) before listening`)),
		);
	});
}

async function attachTestCard(card: string, customer: string): Promise<string> {
	const response = await fetch(`${emulatorUrl}/v1/payment_methods/${card}/attach`, {
		method: 'POST',
		headers: {
			authorization: 'Bearer sk_test_123',
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({ customer }).toString(),
	});
	return ((await response.json()) as { id: string }).id;
}

before(async () => {
	emulatorUrl = await startEmulator();
	hookServer = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({
				signature: String(request.headers['stripe-signature']),
				body: Buffer.concat(chunks).toString('utf8'),
			});
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
		});
	});
	await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
	targetUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/standard/1/abc/`;
});

after(async () => {
	emulator.kill('SIGTERM');
	await new Promise((resolve) => hookServer.close(resolve));
});

describe('Zapier app against the Stripe emulator', () => {
	let subscribeData: { id: string; secret: string };
	let paymentIntentId: string;

	it('connects in test mode', async () => {
		const info = await run(App.authentication!.test, { authData: authData() });
		assert.equal(info.mode, 'test');
	});

	it('subscribes Payment Succeeded: one endpoint for the hook URL', async () => {
		subscribeData = await run(triggerOperation('payment_succeeded').performSubscribe, {
			authData: authData(),
			targetUrl,
			meta,
		});
		assert.match(subscribeData.id, /^we_/);
		assert.match(subscribeData.secret, /^whsec_/);
		assert.equal((await emulatorControl('/state')).webhookEndpoints, 1);
	});

	it('a paid checkout runs the Zap exactly once, from deliveries verified by perform', async () => {
		const session = await run(App.creates.create_checkout_session.operation.perform, {
			authData: authData(),
			meta,
			inputData: {
				productName: 'Annual plan',
				amount: '19.99',
				currency: 'usd',
				successUrl: 'https://example.com/thanks',
				customerEmail: 'jane@example.com',
				metadata: { order_id: 'emu-42' },
			},
		});
		assert.match(String(session.url), /^http/);
		await emulatorControl(`/checkout/${String(session.id)}/pay`, {});
		await emulatorControl('/idle');
		assert.ok(received.length >= 2, 'Stripe sends the checkout and the payment intent event');

		const items: Record<string, unknown>[] = [];
		for (const delivery of received) {
			const emitted = await run<Record<string, unknown>[]>(
				triggerOperation('payment_succeeded').perform,
				{
					authData: authData(),
					subscribeData,
					rawRequest: {
						headers: { 'Http-Stripe-Signature': delivery.signature },
						content: delivery.body,
					},
				},
				{ keepCache: true },
			);
			items.push(...emitted);
		}
		assert.equal(items.length, 1, 'one payment, one Zap run');
		const payment = items[0].payment as Record<string, unknown>;
		assert.equal(payment.paid, true);
		assert.equal(payment.amount, '19.99');
		paymentIntentId = String(payment.paymentId ?? payment.id);
		assert.match(paymentIntentId, /^pi_/);
	});

	it('a paid subscription Checkout runs Payment Succeeded once, for the first invoice’s payment', async () => {
		const before = received.length;
		const response = await fetch(`${emulatorUrl}/v1/checkout/sessions`, {
			method: 'POST',
			headers: {
				authorization: 'Bearer sk_test_123',
				'content-type': 'application/x-www-form-urlencoded',
				'idempotency-key': 'zapier-emulator-subscription-checkout',
			},
			body: new URLSearchParams({
				mode: 'subscription',
				success_url: 'https://example.com/thanks',
				customer_email: 'sub@example.com',
				'line_items[0][quantity]': '1',
				'line_items[0][price_data][currency]': 'usd',
				'line_items[0][price_data][unit_amount]': '1500',
				'line_items[0][price_data][recurring][interval]': 'month',
				'line_items[0][price_data][product_data][name]': 'Monthly plan',
			}).toString(),
		});
		const session = (await response.json()) as { id: string };
		await emulatorControl(`/checkout/${session.id}/pay`, {});
		await emulatorControl('/idle');
		const deliveries = received.slice(before);
		const types = deliveries.map(
			(delivery) => (JSON.parse(delivery.body) as { type: string }).type,
		);
		assert.ok(types.includes('checkout.session.completed'), types.join(', '));
		assert.ok(types.includes('payment_intent.succeeded'), types.join(', '));
		const items: Record<string, unknown>[] = [];
		for (const delivery of deliveries) {
			items.push(
				...(await run<Record<string, unknown>[]>(
					triggerOperation('payment_succeeded').perform,
					{
						authData: authData(),
						subscribeData,
						rawRequest: {
							headers: { 'Http-Stripe-Signature': delivery.signature },
							content: delivery.body,
						},
					},
					{ keepCache: true },
				)),
			);
		}
		assert.equal(items.length, 1, `one payment, one Zap run (deliveries: ${types.join(', ')})`);
		const payment = items[0].payment as Record<string, unknown>;
		assert.equal(payment.kind, 'payment');
		assert.equal(payment.amount, '15.00');
	});

	it('samples Payment Succeeded from the account’s recent events', async () => {
		const samples = await run<Record<string, unknown>[]>(
			triggerOperation('payment_succeeded').performList,
			{ authData: authData() },
		);
		assert.ok(samples.length >= 1);
		for (const sample of samples) {
			assert.deepEqual(sample.names, ['payment.succeeded']);
			assert.equal((sample.payment as Record<string, unknown>).paid, true);
		}
	});

	it('creates a payment link the emulator accepts', async () => {
		const link = await run(App.creates.create_payment_link.operation.perform, {
			authData: authData(),
			meta,
			inputData: { productName: 'Workshop', amount: '5000', currency: 'jpy' },
		});
		assert.match(String(link.id), /^plink_/);
		assert.match(String(link.url), /^http/);
	});

	it('a delivery altered on the way is rejected', async () => {
		const [delivery] = received;
		await assert.rejects(
			run(triggerOperation('payment_succeeded').perform, {
				authData: authData(),
				subscribeData,
				rawRequest: {
					headers: { 'Http-Stripe-Signature': delivery.signature },
					content: delivery.body.replace('"livemode": false', '"livemode": true'),
				},
			}),
			(error: unknown) => zapierErrorOf(error).code === 'invalid_signature',
		);
	});

	it('finds the payment by the checkout’s metadata', async () => {
		const found = await run<Record<string, unknown>[]>(
			App.searches.find_payment.operation.perform,
			{
				authData: authData(),
				inputData: { metadataKey: 'order_id', metadataValue: 'emu-42' },
			},
		);
		assert.deepEqual(
			found.map((payment) => payment.id),
			[paymentIntentId],
		);
	});

	it('a replayed refund step refunds once', async () => {
		const bundle = {
			authData: authData(),
			meta,
			inputData: { paymentId: paymentIntentId, amount: '5', currency: 'usd', reference: 'rma-5' },
		};
		const first = await run(App.creates.create_refund.operation.perform, bundle);
		const replay = await run(App.creates.create_refund.operation.perform, bundle);
		assert.equal(replay.id, first.id);
		assert.equal(first.idempotentReplayed, false);
		assert.equal(replay.idempotentReplayed, true, 'the output says the refund was replayed');
		const refunds = (await moneyMovements()).filter((movement) => movement.kind === 'refund');
		assert.deepEqual(
			refunds.map((movement) => movement.amount),
			[500],
		);
	});

	it('charges a saved card once per reference, and never reports 3-D Secure as paid', async () => {
		const customer = await run(App.creates.create_customer.operation.perform, {
			authData: authData(),
			meta,
			inputData: { email: 'sam@example.com' },
		});
		const customerId = String(customer.id);
		const visa = await attachTestCard('pm_card_visa', customerId);
		const charge = {
			customerId,
			paymentMethodId: visa,
			amount: '12.50',
			currency: 'eur',
			reference: 'order-7',
		};
		const first = await run(App.creates.charge_saved_payment_method.operation.perform, {
			authData: authData(),
			meta,
			inputData: charge,
		});
		const replay = await run(App.creates.charge_saved_payment_method.operation.perform, {
			authData: authData(),
			meta,
			inputData: charge,
		});
		assert.equal((first.payment as Record<string, unknown>).paid, true);
		assert.equal(replay.id, first.id);
		const charges = (await moneyMovements()).filter(
			(movement) => movement.kind === 'charge' && movement.paymentIntent === first.id,
		);
		assert.equal(charges.length, 1);

		const needs3ds = await attachTestCard('pm_card_authenticationRequired', customerId);
		await assert.rejects(
			run(App.creates.charge_saved_payment_method.operation.perform, {
				authData: authData(),
				meta,
				inputData: { ...charge, paymentMethodId: needs3ds, reference: 'order-8' },
			}),
			(error: unknown) => zapierErrorOf(error).code === 'customer_must_authenticate',
		);
	});

	it('unsubscribing deletes the endpoint', async () => {
		await run(triggerOperation('payment_succeeded').performUnsubscribe, {
			authData: authData(),
			subscribeData,
		});
		assert.equal((await emulatorControl('/state')).webhookEndpoints, 0);
	});
});
