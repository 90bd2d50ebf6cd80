import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { deliver, paymentIntentObject, stripeEvent } from './support/deliveries';
import { endpointState, settledEndpointCount } from './support/endpoints';
import { startSuite, type E2eSuite } from './support/suite';
import { waitForWebhook } from './support/webhooks';
import { triggerWorkflow } from './support/workflows';

describe('trigger activation keeps exactly one Stripe endpoint', () => {
	let suite: E2eSuite;
	const workflowId = 'e2eEndpoints0001';
	const state = async () => await endpointState(suite.emulator.url);

	before(async () => {
		suite = await startSuite('endpoints');
		await suite.rest.createWorkflow(triggerWorkflow(workflowId, suite.credential, ['payment.succeeded']));
	});
	after(async () => await suite?.stop());

	it('activation registers one endpoint at the production webhook URL', async () => {
		await suite.rest.activate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
		const { endpoints } = await state();
		assert.match(endpoints[0].url, new RegExp(`/webhook/${workflowId}-hook/`));
		assert.ok(endpoints[0].enabled_events.includes('payment_intent.succeeded'));
	});

	it('deactivation removes it', async () => {
		await suite.rest.deactivate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
	});

	it('re-activation leaves exactly one', async () => {
		await suite.rest.activate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
		await suite.rest.deactivate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
		await suite.rest.activate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
	});

	it('changing the events of the active trigger leaves one endpoint with the new events', async () => {
		const changed = triggerWorkflow(workflowId, suite.credential, ['payment.succeeded', 'checkout.expired']);
		await suite.rest.updateWorkflow(workflowId, { nodes: changed.nodes, connections: changed.connections });
		await suite.rest.activate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
		const { endpoints } = await state();
		assert.ok(endpoints[0].enabled_events.includes('checkout.session.expired'));
		assert.ok(endpoints[0].enabled_events.includes('payment_intent.succeeded'));
	});

	it('restarting n8n leaves exactly one', async () => {
		await suite.n8n.restart();
		await suite.rest.signIn();
		// n8n re-activates published workflows right after start-up; wait until the webhook serves.
		await waitForWebhook((await state()).endpoints[0].url);
		const status = await suite.rest.publicationStatus(workflowId);
		assert.equal(status.status, 'published');
		assert.equal(await settledEndpointCount(suite.emulator.url, 1), 1);
		// …and it still holds the endpoint's signing secret: a signed delivery is accepted.
		const [endpoint] = (await state()).endpoints;
		const result = await deliver(suite.emulator.url, {
			endpoint: endpoint.id,
			event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
		});
		assert.equal(result.deliveries[0].status, 200);
	});

	it('a second trigger workflow gets its own endpoint; deactivating both leaves none', async () => {
		const second = 'e2eEndpoints0002';
		await suite.rest.createWorkflow(triggerWorkflow(second, suite.credential, ['refund.succeeded']));
		await suite.rest.activate(second);
		assert.equal(await settledEndpointCount(suite.emulator.url, 2), 2);
		await suite.rest.deactivate(second);
		await suite.rest.deactivate(workflowId);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
	});
});
