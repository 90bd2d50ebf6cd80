import type { WorkflowJson } from '../../../scripts/lib/n8nRest';
import { ACTION_NODE_TYPE, CREDENTIAL_TYPE, TRIGGER_NODE_TYPE } from '../../../scripts/lib/paywire';

/**
 * Workflow JSON the scenarios create over REST. Node parameters of our nodes are spelled here
 * only, so a renamed parameter is fixed in one place.
 */
export interface CredentialRef {
	id: string;
	name: string;
}

export const TRIGGER_NODE = 'Stripe Payments Trigger';
export const ACTION_NODE = 'Stripe Payments';

export function triggerWorkflow(
	id: string,
	credential: CredentialRef,
	events: string[],
	options: { webhookId?: string; extraParameters?: Record<string, unknown> } = {},
): WorkflowJson {
	return {
		id,
		name: `e2e trigger ${id}`,
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER_NODE,
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: options.webhookId ?? `${id}-hook`,
				parameters: { events, ...options.extraParameters },
				credentials: { [CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Webhook (answers with the last node's items) → Stripe Payments: a test POSTs JSON and gets the
 * action's output back in the HTTP answer. Continue-on-fail keeps declines as items.
 */
export function actionWorkflow(
	id: string,
	credential: CredentialRef,
	path: string,
	parameters: Record<string, unknown>,
): WorkflowJson {
	return {
		id,
		name: `e2e action ${id}`,
		nodes: [
			{
				id: `${id}-in`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-in`,
				parameters: { path, httpMethod: 'POST', responseMode: 'lastNode', responseData: 'allEntries' },
			},
			{
				id: `${id}-items`,
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: `${id}-stripe`,
				name: ACTION_NODE,
				type: ACTION_NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters,
				credentials: { [CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: ACTION_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Stripe Payments: charge the saved card the posted item names (customer, paymentMethod, amount in usd). */
export function chargeSavedCardParameters(): Record<string, unknown> {
	return {
		resource: 'payment',
		operation: 'charge',
		customer: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
		paymentMethodSource: 'specific',
		paymentMethodId: '={{ $json.paymentMethod }}',
		amount: '={{ $json.amount }}',
		currency: 'usd',
		whenAuthenticationRequired: 'outputNextStep',
	};
}

/** Stripe Payments: refund the posted item's `paymentIntent` in full, unless `extra` says otherwise. */
export function refundParameters(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		resource: 'refund',
		operation: 'create',
		refundSource: 'paymentIntent',
		paymentIntent: { __rl: true, mode: 'id', value: '={{ $json.paymentIntent }}' },
		amountType: 'full',
		...extra,
	};
}

/** Calls an action workflow's webhook with items; returns the action node's output items. */
export async function runAction(
	n8nUrl: string,
	path: string,
	items: Array<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> {
	const response = await fetch(`${n8nUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items }),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`action webhook ${path}: ${response.status} ${text}`);
	const parsed = JSON.parse(text) as unknown;
	return Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [parsed as Record<string, unknown>];
}
