import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { pollUntil } from '../../scripts/lib/wait';
import { deliver, paymentIntentObject, stripeEvent } from './support/deliveries';
import { endpointState, settledEndpointCount } from './support/endpoints';
import { waitForExecutions } from './support/executions';
import { startSuite, type E2eSuite } from './support/suite';
import { triggerWorkflow } from './support/workflows';

/**
 * Never deaf: Stripe failures during activation and deactivation, injected by the emulator's
 * fault flags, on real n8n 2.40.7 (docs/trigger.md, endpoint lifecycle).
 */
describe('trigger endpoints when Stripe fails', () => {
	let suite: E2eSuite;
	const workflowId = 'e2eEndpointFault1';
	const endpointFaults = (methods?: string[]) =>
		emulatorControl(suite.emulator.url, 'POST', 'faults', {
			error500: 1,
			pathPrefixes: ['/v1/webhook_endpoints'],
			...(methods ? { methods } : {}),
		});
	const clearFaults = () => emulatorControl(suite.emulator.url, 'DELETE', 'faults');
	const endpoints = async () => (await endpointState(suite.emulator.url)).endpoints;
	const paymentDelivery = async (endpoint: string) =>
		await deliver(suite.emulator.url, {
			endpoint,
			event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		});

	before(async () => {
		suite = await startSuite('endpoint-faults');
		await suite.rest.createWorkflow(
			triggerWorkflow(workflowId, suite.credential, ['payment.succeeded']),
		);
	});
	after(async () => await suite?.stop());

	it('Stripe 500 on webhook_endpoints during activation: a visible error about the endpoint', async () => {
		await endpointFaults();
		const started = Date.now();
		const activation = await suite.rest.activate(workflowId).then(
			() => '',
			(error: Error) => error.message,
		);
		// Reported, not asserted (n8n retries a failing registration 5 times, 1–8 s apart).
		console.log(`activation error shown after ${((Date.now() - started) / 1000).toFixed(1)} s`);
		assert.match(activation, /Stripe webhook endpoint/);
		assert.doesNotMatch(activation, /idempotency/i);
		assert.equal((await endpoints()).length, 0);
	});

	it('faults cleared: re-activation gives exactly one endpoint, and a delivery runs', async () => {
		await clearFaults();
		await suite.rest.activate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
		const [endpoint] = await endpoints();
		const result = await paymentDelivery(endpoint.id);
		assert.equal(result.deliveries[0].status, 200);
		const executions = await waitForExecutions(suite.rest, workflowId, 1);
		assert.equal(executions[0].status, 'success');
	});

	it('the workflow as n8n serves it holds no whsec_ signing secret', async () => {
		const workflow = await suite.rest.request('GET', `/rest/workflows/${workflowId}`);
		const text = JSON.stringify(workflow);
		assert.match(text, /sealedSecret/, 'the endpoint record is there, sealed');
		assert.doesNotMatch(text, /whsec_/);
	});

	it('failed DELETE on deactivation: reported in the log, n8n unregisters, next activation removes it', async () => {
		const [leftover] = await endpoints();
		await endpointFaults(['DELETE']);
		await suite.rest.deactivate(workflowId);
		const log = await pollUntil(
			async () => {
				const text = suite.n8n.readLog();
				return text.includes(`Not deleted: ${leftover.id}`) ? text : undefined;
			},
			{ timeoutMs: 20_000, intervalMs: 250, description: 'the failed-deletion report in the log' },
		);
		assert.match(log, /could not remove its Stripe webhook endpoint/);
		assert.equal((await endpoints()).length, 1, 'Stripe still has it');
		// n8n no longer routes the URL to the workflow: the leftover's deliveries are refused.
		const refused = await paymentDelivery(leftover.id);
		assert.equal(refused.deliveries[0].status, 404);

		await clearFaults();
		await suite.rest.activate(workflowId);
		const after = await endpoints();
		assert.equal(after.length, 1);
		assert.notEqual(after[0].id, leftover.id, 'the leftover was deleted, a new one created');
		assert.equal((await paymentDelivery(after[0].id)).deliveries[0].status, 200);
		await waitForExecutions(suite.rest, workflowId, 2);
	});
});
