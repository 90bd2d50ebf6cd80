import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { nodeOutput } from '../../scripts/lib/n8nRest';
import {
	checkoutSessionObject,
	deliver,
	paymentIntentObject,
	stripeEvent,
	type DeliverRequest,
} from './support/deliveries';
import { endpointState } from './support/endpoints';
import { waitForExecutions } from './support/executions';
import { paidPaymentIntent } from './support/stripe';
import { startSuite, type E2eSuite } from './support/suite';
import { publishTrigger } from './support/triggers';
import { waitForWebhook } from './support/webhooks';
import { TRIGGER_NODE } from './support/workflows';

describe('signed deliveries into the trigger', () => {
	let suite: E2eSuite;
	const workflowId = 'e2eDeliveries001';
	let endpoint = '';
	let expected = 0;

	/** Executions so far, after waiting for `expected` of them to finish. */
	const executionsSoFar = async () => await waitForExecutions(suite.rest, workflowId, expected);
	const outputOf = async (executionId: string) =>
		nodeOutput(await suite.rest.executionData(executionId), TRIGGER_NODE);
	/** A fresh valid delivery; once its execution exists, every earlier delivery has been handled. */
	const sentinel = async () => {
		const result = await deliver(suite.emulator.url, {
			endpoint,
			event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		});
		assert.equal(result.deliveries[0].status, 200);
		expected += 1;
		return result.event.id;
	};

	before(async () => {
		suite = await startSuite('deliveries');
		({ id: endpoint } = await publishTrigger(suite, workflowId, ['payment.succeeded']));
		assert.equal((await endpointState(suite.emulator.url)).endpoints.length, 1);
	});
	after(async () => await suite?.stop());

	it('a paid PaymentIntent starts one execution with the normalised output', async () => {
		const intent = await paidPaymentIntent(suite.emulator.url, 2000);
		await emulatorControl(suite.emulator.url, 'POST', 'idle');
		expected += 1;
		const executions = await executionsSoFar();
		assert.equal(executions.length, 1);
		assert.equal(executions[0].status, 'success');
		const [item] = await outputOf(executions[0].id);
		const event = item.event as Record<string, unknown>;
		const payment = item.payment as Record<string, unknown>;
		assert.match(String(event.id), /^evt_/);
		assert.equal(event.type, 'payment_intent.succeeded');
		assert.ok((item.names as string[]).includes('payment.succeeded'));
		assert.equal(payment.id, intent.id);
		assert.equal(payment.status, 'succeeded');
		assert.equal(payment.currency, 'usd');
		assert.equal(payment.amount, '20.00');
		assert.equal(payment.paid, true);
		assert.equal((item.object as Record<string, unknown>).id, intent.id);
	});

	const rejected: Array<[string, DeliverRequest]> = [
		['unsigned', { unsigned: true }],
		[
			'signed with another secret (forged)',
			{ secret: ['whsec', 'forgedforgedforgedforged'].join('_') },
		],
		['tampered signature', { tamper: 'signature' }],
		['tampered body', { tamper: 'body' }],
		['stale timestamp (10 minutes old)', { staleSeconds: 600 }],
		['timestamp 10 minutes in the future', { futureSeconds: 600 }],
	];
	for (const [name, request] of rejected) {
		it(`${name}: answered 4xx and starts no execution`, async () => {
			const result = await deliver(suite.emulator.url, {
				endpoint,
				event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
				...request,
			});
			const status = result.deliveries[0].status ?? 0;
			assert.ok(status >= 400 && status < 500, `answered ${status}`);
			const sentinelId = await sentinel();
			const executions = await executionsSoFar();
			assert.equal(executions.length, expected, 'only the sentinel started an execution');
			const last = await outputOf(executions[executions.length - 1].id);
			assert.equal((last[0].event as Record<string, unknown>).id, sentinelId);
		});
	}

	it('the same event delivered five times, two at once, starts one execution', async () => {
		const event = stripeEvent('payment_intent.succeeded', paymentIntentObject());
		const result = await deliver(suite.emulator.url, { endpoint, event, times: 5, concurrent: 2 });
		assert.equal(result.deliveries.length, 5);
		// The copy that arrives while the first is still being recorded is answered 409 (Stripe retries
		// it later and then gets 200): answering 200 then would lose the event if the first one failed.
		const statuses = result.deliveries.map((delivery) => delivery.status);
		for (const status of statuses)
			assert.ok(status === 200 || status === 409, `answered ${status}`);
		assert.ok(statuses.filter((status) => status === 200).length >= 4, String(statuses));
		expected += 1;
		await sentinel();
		const executions = await executionsSoFar();
		assert.equal(executions.length, expected);
		const ids = [];
		for (const execution of executions.slice(-2)) {
			ids.push(((await outputOf(execution.id))[0].event as Record<string, unknown>).id);
		}
		assert.equal(ids.filter((id) => id === event.id).length, 1);
	});

	it('checkout completed but unpaid does not fire; the async success fires once', async () => {
		const unpaid = checkoutSessionObject({ payment_status: 'unpaid' });
		const completed = await deliver(suite.emulator.url, {
			endpoint,
			event: stripeEvent('checkout.session.completed', unpaid),
		});
		assert.equal(completed.deliveries[0].status, 200, 'acknowledged, not an error');
		await sentinel();
		assert.equal((await executionsSoFar()).length, expected, 'unpaid checkout started nothing');

		const paid = { ...unpaid, payment_status: 'paid' };
		const asyncSucceeded = stripeEvent('checkout.session.async_payment_succeeded', paid);
		const settled = await deliver(suite.emulator.url, { endpoint, event: asyncSucceeded });
		assert.equal(settled.deliveries[0].status, 200);
		expected += 1;
		await sentinel();
		const executions = await executionsSoFar();
		assert.equal(executions.length, expected);
		const [item] = await outputOf(executions[executions.length - 2].id);
		const event = item.event as Record<string, unknown>;
		assert.equal(event.id, asyncSucceeded.id);
		assert.equal(event.type, 'checkout.session.async_payment_succeeded');
		assert.ok((item.names as string[]).includes('payment.succeeded'));
		assert.equal((item.payment as Record<string, unknown>).status, 'succeeded');
	});

	it('an event re-delivered after an n8n restart starts no second execution', async () => {
		// Stripe re-delivers for days; the trigger's memory of handled events must outlive a restart.
		const event = stripeEvent('payment_intent.succeeded', paymentIntentObject());
		const first = await deliver(suite.emulator.url, { endpoint, event });
		assert.equal(first.deliveries[0].status, 200);
		expected += 1;
		await executionsSoFar();
		await suite.n8n.restart();
		await suite.rest.signIn();
		const state = await emulatorControl<{ endpoints: Array<{ url: string }> }>(
			suite.emulator.url,
			'GET',
			'state',
		);
		await waitForWebhook(state.endpoints[0].url);
		const again = await deliver(suite.emulator.url, { endpoint, event });
		assert.equal(again.deliveries[0].status, 200, 'acknowledged, so Stripe stops re-delivering');
		await sentinel();
		const executions = await executionsSoFar();
		assert.equal(executions.length, expected, 'the re-delivery started nothing');
	});
});
