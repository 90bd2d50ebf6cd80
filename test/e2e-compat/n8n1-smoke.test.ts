import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { n8nVersion } from '../../scripts/lib/n8nCache';
import { nodeOutput } from '../../scripts/lib/n8nRest';
import { ACTION_NODE_TYPE, TRIGGER_NODE_TYPE } from '../../scripts/lib/paywire';
import { deliver, deliverSentinel, paymentIntentObject, stripeEvent } from '../e2e/support/deliveries';
import { endpointState, settledEndpointCount } from '../e2e/support/endpoints';
import { waitForExecutions } from '../e2e/support/executions';
import { createCustomer, paidPaymentIntent, savedPaymentMethod } from '../e2e/support/stripe';
import { startSuite, type E2eSuite } from '../e2e/support/suite';
import { waitForWebhook } from '../e2e/support/webhooks';
import {
	actionWorkflow,
	chargeSavedCardParameters,
	refundParameters,
	runAction,
	TRIGGER_NODE,
	triggerWorkflow,
} from '../e2e/support/workflows';

/**
 * The version matrix's second column: the packed tarball on the n8n that scripts/test.sh names in
 * PAYWIRE_N8N_VERSION (the newest installable 1.123.x). One n8n, one trigger, one action workflow:
 * what a self-hoster on the 1.x line does first. The full suite (test/e2e) runs on 2.40.7.
 */
describe(`smoke on the installed n8n (${process.env.PAYWIRE_N8N_VERSION ?? 'default pin'})`, () => {
	let suite: E2eSuite;
	let triggerId = '';
	let endpoint = '';
	let expected = 0;

	const executionsSoFar = async () => await waitForExecutions(suite.rest, triggerId, expected);
	const eventIdOf = async (executionId: string) => {
		const [item] = nodeOutput(await suite.rest.executionData(executionId), TRIGGER_NODE);
		return (item.event as Record<string, unknown>).id;
	};
	const sentinel = async () => {
		expected += 1;
		return (await deliverSentinel(suite.emulator.url, endpoint)).event.id;
	};

	before(async () => {
		suite = await startSuite('n8n1-smoke');
		// n8n 1.x gives a workflow created over REST its own id; the one it answers is the one to use.
		const created = await suite.rest.createWorkflow(
			triggerWorkflow('smokeTrigger0001', suite.credential, ['payment.succeeded']),
		);
		triggerId = created.id;
	});
	after(async () => await suite?.stop());

	it('runs the n8n the matrix asked for, with Paywire loaded', async () => {
		const settings = await suite.rest.request<{ versionCli: string }>('GET', '/rest/settings');
		assert.equal(settings.versionCli, n8nVersion(), 'the server is the installed n8n');
		if (process.env.PAYWIRE_N8N_VERSION) assert.equal(settings.versionCli, process.env.PAYWIRE_N8N_VERSION);
		const nodes = await suite.rest.nodeTypeNames();
		assert.ok(nodes.includes(TRIGGER_NODE_TYPE), `${TRIGGER_NODE_TYPE} listed`);
		assert.ok(nodes.includes(ACTION_NODE_TYPE), `${ACTION_NODE_TYPE} listed`);
	});

	it('activating the trigger registers exactly one endpoint at its production URL', async () => {
		await suite.rest.activate(triggerId);
		const state = await endpointState(suite.emulator.url);
		assert.equal(state.webhookEndpoints, 1);
		assert.match(state.endpoints[0].url, new RegExp(`^${suite.n8n.baseUrl.replace('127.0.0.1', '(127\\.0\\.0\\.1|localhost)')}/webhook/`));
		endpoint = state.endpoints[0].id;
		await waitForWebhook(state.endpoints[0].url.replace('localhost', '127.0.0.1'));
	});

	it('a signed delivery of a real payment starts one execution', async () => {
		const intent = await paidPaymentIntent(suite.emulator.url, 2000);
		await suite.emulator.idle();
		expected += 1;
		const executions = await executionsSoFar();
		assert.equal(executions.length, 1);
		assert.equal(executions[0].status, 'success');
		const [item] = nodeOutput(await suite.rest.executionData(executions[0].id), TRIGGER_NODE);
		assert.equal((item.payment as Record<string, unknown>).id, intent.id);
		assert.equal((item.payment as Record<string, unknown>).paid, true);
	});

	it('a forged delivery is answered 4xx and starts no execution', async () => {
		const forged = await deliver(suite.emulator.url, {
			endpoint,
			event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
			secret: ['whsec', 'forgedforgedforgedforged'].join('_'),
		});
		const status = forged.deliveries[0].status ?? 0;
		assert.ok(status >= 400 && status < 500, `answered ${status}`);
		const sentinelId = await sentinel();
		const executions = await executionsSoFar();
		assert.equal(executions.length, expected, 'only the sentinel started an execution');
		assert.equal(await eventIdOf(executions[executions.length - 1].id), sentinelId);
	});

	it('the same event delivered three times starts one execution', async () => {
		const event = stripeEvent('payment_intent.succeeded', paymentIntentObject());
		const result = await deliver(suite.emulator.url, { endpoint, event, times: 3 });
		for (const delivery of result.deliveries) assert.equal(delivery.status, 200, 'acknowledged');
		expected += 1;
		await sentinel();
		const executions = await executionsSoFar();
		assert.equal(executions.length, expected);
		const ids = [];
		for (const execution of executions.slice(-2)) ids.push(await eventIdOf(execution.id));
		assert.equal(ids.filter((id) => id === event.id).length, 1);
	});

	it('an action workflow charges a saved card once and refunds it', async () => {
		const customer = (await createCustomer(suite.emulator.url, 'smoke@example.com')).id;
		const visa = await savedPaymentMethod(suite.emulator.url, customer, 'pm_card_visa');
		const charge = await suite.rest.createWorkflow(
			actionWorkflow('smokeCharge00001', suite.credential, 'smoke-charge', chargeSavedCardParameters()),
		);
		const refund = await suite.rest.createWorkflow(
			actionWorkflow('smokeRefund00001', suite.credential, 'smoke-refund', refundParameters()),
		);
		await suite.rest.activate(charge.id);
		await suite.rest.activate(refund.id);

		const [paid] = await runAction(suite.n8n.baseUrl, 'smoke-charge', [
			{ customer, paymentMethod: visa, amount: '25.00' },
		]);
		assert.equal(paid.object, 'payment_intent');
		assert.equal(paid.status, 'succeeded');
		assert.equal(paid.amount, 2500);
		const [refunded] = await runAction(suite.n8n.baseUrl, 'smoke-refund', [{ paymentIntent: paid.id }]);
		assert.equal(refunded.object, 'refund');
		assert.equal(refunded.payment_intent, paid.id);
		assert.equal(refunded.amount, 2500);
		assert.equal(refunded.status, 'succeeded');
		// The test's own calls carry `e2e-` keys; n8n's are the node's derived keys.
		const fromN8n = (path: string) =>
			suite.emulator.requests.filter(
				(request) =>
					request.method === 'POST' && request.path === path && !request.idempotencyKey?.startsWith('e2e-'),
			);
		assert.equal(fromN8n('/v1/payment_intents').length, 1, 'one charge request from n8n');
		assert.equal(fromN8n('/v1/refunds').length, 1, 'one refund request from n8n');
	});

	it('deactivating the trigger deletes its endpoint', async () => {
		await suite.rest.deactivate(triggerId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
	});
});
