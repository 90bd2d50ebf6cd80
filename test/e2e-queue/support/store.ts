import type { N8nRest, WorkflowJson } from '../../../scripts/lib/n8nRest';
import { triggerWorkflow, type CredentialRef } from '../../e2e/support/workflows';

/** Trigger parameters and credentials for one duplicate store. */
export interface StoreChoice {
	label: string;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

/** "This n8n only": the trigger's default (the workflow's static data). */
export const LOCAL_STORE: StoreChoice = {
	label: 'this n8n only (default)',
	parameters: {},
	credentials: {},
};

/** "Shared store": a Redis on loopback, through a Redis credential created over REST. */
export async function sharedStore(rest: N8nRest, redisPort: number): Promise<StoreChoice> {
	const credential = await rest.createCredential('Queue Redis', 'redis', {
		host: '127.0.0.1',
		port: redisPort,
		database: 0,
	});
	return {
		label: 'shared store (Redis)',
		parameters: { duplicateStore: 'redis' },
		credentials: { redis: { id: credential.id, name: credential.name } },
	};
}

/** A Stripe Payments Trigger workflow (payment succeeded) on the chosen duplicate store. */
export function storeTriggerWorkflow(
	id: string,
	stripeCredential: CredentialRef,
	store: StoreChoice,
): WorkflowJson {
	const workflow = triggerWorkflow(id, stripeCredential, ['payment.succeeded'], {
		extraParameters: store.parameters,
	});
	const node = workflow.nodes[0] as { credentials: Record<string, CredentialRef> };
	Object.assign(node.credentials, store.credentials);
	return workflow;
}
