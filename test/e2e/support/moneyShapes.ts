import type { WorkflowJson } from '../../../scripts/lib/n8nRest';
import { ACTION_NODE_TYPE, CREDENTIAL_TYPE } from '../../../scripts/lib/paywire';
import { ACTION_NODE, type CredentialRef } from './workflows';

/**
 * Workflows of the money-shape scenarios: a Webhook (answers at once) → Split Out of `body.items`,
 * then the Stripe Payments node — alone, or inside n8n's Loop Over Items (SplitInBatches v3,
 * batch size 1, the node's output fed back into the loop).
 */
export function itemsWorkflow(
	id: string,
	credential: CredentialRef,
	parameters: Record<string, unknown>,
	options: { loop?: boolean } = {},
): WorkflowJson {
	const node = (name: string, type: string, typeVersion: number, params: object, x: number) => ({
		id: `${id}-${name.replace(/\W/g, '')}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters: params,
	});
	const to = (name: string) => [{ node: name, type: 'main', index: 0 }];
	const nodes: Array<Record<string, unknown>> = [
		{
			...node('Webhook', 'n8n-nodes-base.webhook', 2, { path: id, httpMethod: 'POST' }, 0),
			webhookId: `${id}-in`,
		},
		node(
			'Items',
			'n8n-nodes-base.splitOut',
			1,
			{ fieldToSplitOut: 'body.items', options: {} },
			220,
		),
		{
			...node(ACTION_NODE, ACTION_NODE_TYPE, 1, parameters, 660),
			credentials: { [CREDENTIAL_TYPE]: credential },
		},
	];
	const connections: Record<string, unknown> = { Webhook: { main: [to('Items')] } };
	if (options.loop) {
		nodes.push(
			node(
				'Loop Over Items',
				'n8n-nodes-base.splitInBatches',
				3,
				{ batchSize: 1, options: {} },
				440,
			),
		);
		connections.Items = { main: [to('Loop Over Items')] };
		connections['Loop Over Items'] = { main: [[], to(ACTION_NODE)] };
		connections[ACTION_NODE] = { main: [to('Loop Over Items')] };
	} else {
		connections.Items = { main: [to(ACTION_NODE)] };
	}
	return { id, name: `e2e money ${id}`, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Starts a run of an items workflow (its Webhook answers before the run ends). */
export async function postItems(
	n8nUrl: string,
	workflowId: string,
	items: unknown[],
): Promise<void> {
	const response = await fetch(`${n8nUrl}/webhook/${workflowId}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items }),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`webhook ${workflowId}: ${response.status} ${text}`);
}

/** Every output item of a node, across all its runs (a node in a loop runs once per pass). */
export function allRunsOutput(
	runData: Record<
		string,
		Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
	>,
	nodeName: string,
): Array<Record<string, unknown>> {
	return (runData[nodeName] ?? []).flatMap((run) =>
		(run.data?.main?.[0] ?? []).map((item) => item.json),
	);
}
