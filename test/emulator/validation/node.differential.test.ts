import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';
import type Stripe from 'stripe';

import { STRIPE_PAYMENTS_OPERATIONS } from '../../../nodes/StripePayments/actions/node.type';
import { runStripePayments, TEST_KEY } from '../../nodes/stripePayments/support';
import { startStripeEmulator, type StripeEmulator } from '../index';
import { stripeClient } from '../testClient';
import { checkBreakages } from './differential';
import { checkoutBillingEvents } from './nodeCheckoutOperations';
import { customersPaymentsRefunds } from './nodeOperations';
import { startRecordingProxy } from './recordingProxy';

/**
 * Issue 12's differential check for the n8n node: every operation runs through n8n's engine
 * against the emulator behind a recording proxy, so the request shapes are the node's own; each
 * recorded request is then sent again with one field broken at a time, and the emulator must
 * answer with Stripe's error for that field.
 */
let emulator: StripeEmulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let stripe: Stripe;
const ran = new Set<string>();

async function run(parameters: INodeParameters): Promise<Record<string, unknown>> {
	const { output, error } = await runStripePayments(parameters, {
		credential: { baseUrl: proxy.url, secretKey: TEST_KEY },
	});
	assert.equal(
		error,
		undefined,
		`${String(parameters.resource)}.${String(parameters.operation)}: ${String(error)}`,
	);
	ran.add(`${String(parameters.resource)}.${String(parameters.operation)}`);
	return output[0]?.json ?? {};
}

before(async () => {
	emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
	proxy = await startRecordingProxy(emulator.url);
	stripe = stripeClient(emulator, TEST_KEY);
});
after(async () => {
	await proxy.stop();
	await emulator.stop();
});

describe("differential: the node's request shapes, one field broken at a time", () => {
	it('runs every operation of the node against the emulator', async () => {
		const context = { run, stripe, emulator };
		const ids = await customersPaymentsRefunds(context);
		await checkoutBillingEvents(context, ids);

		// Custom API Call sends the user's own path and body: no request builder to check.
		const skipped = ['customApiCall.call'];
		const all = Object.entries(STRIPE_PAYMENTS_OPERATIONS).flatMap(([resource, operations]) =>
			operations.map((operation) => `${resource}.${operation}`),
		);
		assert.deepEqual(
			all.filter((name) => !ran.has(name) && !skipped.includes(name)),
			[],
		);
	});

	it("every recorded request, broken one field at a time, gets Stripe's error for that field", async (t) => {
		assert.ok(proxy.requests.length >= 40, `only ${proxy.requests.length} requests recorded`);
		let sent = 0;
		const wrong: string[] = [];
		for (const request of proxy.requests) {
			assert.ok(request.status < 500, `${request.method} ${request.path}: ${request.status}`);
			const result = await checkBreakages(emulator.url, request);
			sent += result.sent;
			wrong.push(...result.wrong);
		}
		t.diagnostic(`${proxy.requests.length} node requests, ${sent} broken variants sent`);
		assert.deepEqual(wrong, []);
		assert.ok(sent > 200, `only ${sent} broken requests sent`);
	});
});
