import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../src/index';

/**
 * Issue 12's differential check for the Zapier app: every create and search runs against the
 * project's Stripe emulator behind a recording proxy (test/emulator/validation/differentialCli.ts,
 * its own process), so the request shapes are the app's own; the CLI then sends each recorded
 * request again with one field broken at a time and reports every answer that is not Stripe's
 * error for that field.
 */
const appTester = createAppTester(App);
type StepFunction = (z: ZObject, bundle: Bundle) => unknown;
const run = async (fn: unknown, bundle: object) =>
	(await appTester(fn as StepFunction, bundle as Partial<Bundle>, true)) as Record<string, unknown>;

let cli: ChildProcess;
let proxyUrl = '';
let emulatorUrl = '';
let output = '';
const meta = { zap: { id: 'zap_differential' } };
const authData = () => ({ apiKey: 'sk_test_123', mode: 'test', baseUrl: proxyUrl });

function waitFor(pattern: RegExp): Promise<string> {
	return new Promise((resolve, reject) => {
		const check = () => {
			const match = pattern.exec(output);
			if (match) resolve(match[1]);
		};
		cli.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			check();
		});
		cli.once('exit', (code) => reject(new Error(`differential CLI exited (${code})`)));
		check();
	});
}

before(async () => {
	const script = join(
		__dirname,
		'..',
		'..',
		'test',
		'emulator',
		'validation',
		'differentialCli.ts',
	);
	cli = spawn(process.execPath, ['--import', 'tsx', script], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	emulatorUrl = await waitFor(/DIFFERENTIAL_EMULATOR_URL=(\S+)/);
	proxyUrl = await waitFor(/DIFFERENTIAL_PROXY_URL=(\S+)/);
});

after(() => {
	if (cli.exitCode === null) cli.kill('SIGTERM');
});

async function attachedCard(customer: string): Promise<string> {
	const response = await fetch(`${emulatorUrl}/v1/payment_methods/pm_card_visa/attach`, {
		method: 'POST',
		headers: {
			authorization: 'Bearer sk_test_123',
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({ customer }).toString(),
	});
	return ((await response.json()) as { id: string }).id;
}

describe("differential: the Zapier app's request shapes, one field broken at a time", () => {
	it('every create and search, then each request broken one field at a time', async (t) => {
		const customer = await run(App.creates.create_customer.operation.perform, {
			authData: authData(),
			meta,
			inputData: { email: 'sam@example.com', name: 'Sam', metadata: { crm_id: '42' } },
		});
		const customerId = String(customer.id);
		const charged = await run(App.creates.charge_saved_payment_method.operation.perform, {
			authData: authData(),
			meta,
			inputData: {
				customerId,
				paymentMethodId: await attachedCard(customerId),
				amount: '12.50',
				currency: 'eur',
				description: 'Order 7',
				reference: 'order-7',
			},
		});
		await run(App.creates.create_refund.operation.perform, {
			authData: authData(),
			meta,
			inputData: {
				paymentId: String(charged.id),
				amount: '5',
				currency: 'eur',
				reason: 'requested_by_customer',
				reference: 'return-7',
			},
		});
		await run(App.creates.create_checkout_session.operation.perform, {
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
		await run(App.creates.create_payment_link.operation.perform, {
			authData: authData(),
			meta,
			inputData: { productName: 'Workshop', amount: '5000', currency: 'jpy' },
		});
		await run(App.searches.find_customer.operation.perform, {
			authData: authData(),
			inputData: { email: 'sam@example.com' },
		});
		await run(App.searches.find_payment.operation.perform, {
			authData: authData(),
			inputData: { paymentId: String(charged.id) },
		});

		const trigger = App.triggers.payment_succeeded.operation as unknown as Record<string, unknown>;
		await run(trigger.performList, { authData: authData() });
		// Last: no event follows, so nothing is delivered to this (unreachable) hook URL.
		await run(trigger.performSubscribe, {
			authData: authData(),
			targetUrl: 'https://hooks.zapier.com/hooks/standard/1/differential/',
			meta,
		});

		cli.stdin!.write('check\n');
		const result = JSON.parse(await waitFor(/DIFFERENTIAL_RESULT=(.+)\n/)) as {
			requests: string[];
			sent: number;
			wrong: string[];
			failed: string[];
		};
		for (const path of [
			'POST /v1/customers',
			'POST /v1/payment_intents',
			'POST /v1/refunds',
			'POST /v1/checkout/sessions',
			'POST /v1/payment_links',
			'POST /v1/webhook_endpoints',
		]) {
			assert.ok(result.requests.includes(path), `${path} recorded: ${result.requests.join(', ')}`);
		}
		t.diagnostic(`${result.requests.length} Zapier requests, ${result.sent} broken variants sent`);
		assert.deepEqual(result.failed, []);
		assert.deepEqual(result.wrong, []);
		assert.ok(result.sent > 60, `only ${result.sent} broken requests sent`);
	});
});
