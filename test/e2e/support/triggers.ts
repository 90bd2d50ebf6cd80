import { endpointState } from './endpoints';
import type { E2eSuite } from './suite';
import { waitForWebhook } from './webhooks';
import { triggerWorkflow } from './workflows';

/**
 * Creates and publishes a one-trigger workflow, then waits until n8n serves its webhook. Returns the
 * Stripe endpoint the trigger registered with the emulator (the suite's first and only one).
 */
export async function publishTrigger(
	suite: E2eSuite,
	workflowId: string,
	events: string[],
): Promise<{ id: string; url: string }> {
	await suite.rest.createWorkflow(triggerWorkflow(workflowId, suite.credential, events));
	await suite.rest.activate(workflowId);
	const [endpoint] = (await endpointState(suite.emulator.url)).endpoints;
	await waitForWebhook(endpoint.url);
	return { id: endpoint.id, url: endpoint.url };
}
