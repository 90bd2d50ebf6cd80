import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { startSuite, type E2eSuite } from './support/suite';
import { waitForWebhook } from './support/webhooks';
import { triggerWorkflow } from './support/workflows';

interface EmulatorState {
	webhookEndpoints: number;
	endpoints: Array<{ id: string; url: string; enabled_events: string[] }>;
}

describe('trigger activation keeps exactly one Stripe endpoint', () => {
	let suite: E2eSuite;
	const workflowId = 'e2eEndpoints0001';
	const state = async () => await emulatorControl<EmulatorState>(suite.emulator.url, 'GET', 'state');

	before(async () => {
		suite = await startSuite('endpoints');
		await suite.rest.createWorkflow(triggerWorkflow(workflowId, suite.credential, ['payment.succeeded']));
	});
	after(async () => await suite?.stop());

	it('activation registers one endpoint at the production webhook URL', async () => {
		await suite.rest.activate(workflowId);
		const { webhookEndpoints, endpoints } = await state();
		assert.equal(webhookEndpoints, 1);
		assert.match(endpoints[0].url, new RegExp(`/webhook/${workflowId}-hook/`));
		assert.ok(endpoints[0].enabled_events.includes('payment_intent.succeeded'));
	});

	it('deactivation removes it', async () => {
		await suite.rest.deactivate(workflowId);
		assert.equal((await state()).webhookEndpoints, 0);
	});

	it('re-activation leaves exactly one', async () => {
		await suite.rest.activate(workflowId);
		assert.equal((await state()).webhookEndpoints, 1);
		await suite.rest.deactivate(workflowId);
		await suite.rest.activate(workflowId);
		assert.equal((await state()).webhookEndpoints, 1);
	});

	it('changing the events of the active trigger leaves one endpoint with the new events', async () => {
		const changed = triggerWorkflow(workflowId, suite.credential, ['payment.succeeded', 'checkout.expired']);
		await suite.rest.updateWorkflow(workflowId, { nodes: changed.nodes, connections: changed.connections });
		await suite.rest.activate(workflowId);
		const { webhookEndpoints, endpoints } = await state();
		assert.equal(webhookEndpoints, 1);
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
		assert.equal((await state()).webhookEndpoints, 1);
	});

	it('a second trigger workflow gets its own endpoint; deactivating both leaves none', async () => {
		const second = 'e2eEndpoints0002';
		await suite.rest.createWorkflow(triggerWorkflow(second, suite.credential, ['refund.succeeded']));
		await suite.rest.activate(second);
		assert.equal((await state()).webhookEndpoints, 2);
		await suite.rest.deactivate(second);
		await suite.rest.deactivate(workflowId);
		assert.equal((await state()).webhookEndpoints, 0);
	});
});
