import Stripe from 'stripe';

import { emulatorControl } from '../../../scripts/lib/emulator';
import { requireFromN8n } from '../../../scripts/lib/n8nCache';
import { pollUntil } from '../../../scripts/lib/wait';
import { waitForWebhook } from '../../e2e/support/webhooks';
import { TRIGGER_NODE } from '../../e2e/support/workflows';
import type { QueueCluster } from './cluster';
import { DATABASE } from './postgres';
import { LOCAL_STORE, storeTriggerWorkflow, type StoreChoice } from './store';

const signer = new Stripe('sk_test_123');

/** One active Stripe Payments Trigger in the cluster, reachable through every webhook processor. */
export interface ActiveTrigger {
	workflowId: string;
	/** Its production URL on each webhook processor (index = processor). */
	urls: string[];
	secret: string;
}

/** Creates and publishes a trigger workflow; main registers its Stripe endpoint in the emulator. */
export async function activateTrigger(
	cluster: QueueCluster,
	workflowId: string,
	store: StoreChoice = LOCAL_STORE,
): Promise<ActiveTrigger> {
	await cluster.rest.createWorkflow(storeTriggerWorkflow(workflowId, cluster.credential, store));
	await cluster.rest.activate(workflowId);
	const state = await emulatorControl<{ endpoints: Array<{ id: string; url: string }> }>(
		cluster.emulator.url,
		'GET',
		'state',
	);
	const endpoint = state.endpoints.find((candidate) =>
		candidate.url.includes(`${workflowId}-hook`),
	);
	if (!endpoint) throw new Error(`no Stripe endpoint registered for ${workflowId}`);
	const { secret } = await emulatorControl<{ secret: string }>(
		cluster.emulator.url,
		'GET',
		`webhook_endpoints/${endpoint.id}/secret`,
	);
	const path = new URL(endpoint.url).pathname;
	const urls = cluster.webhookProcessors.map((processor) => `${processor.baseUrl}${path}`);
	for (const url of urls) await waitForWebhook(url);
	return { workflowId, urls, secret };
}

/**
 * Sends one event to one URL the way Stripe does (a fresh signature per attempt); returns the
 * HTTP status, or null when the connection failed (a killed processor).
 */
export async function sendEvent(
	url: string,
	secret: string,
	event: Record<string, unknown>,
): Promise<number | null> {
	const body = JSON.stringify(event);
	const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret });
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'stripe-signature': signature },
			body,
			signal: AbortSignal.timeout(60_000),
		});
		await response.arrayBuffer();
		return response.status;
	} catch {
		return null;
	}
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(
	items: T[],
	concurrency: number,
	task: (item: T, index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			await task(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** What the trigger emitted in one execution (from Postgres, run data decoded with n8n's flatted). */
export interface EmittedItem {
	executionId: number;
	status: string;
	eventId: string;
	paymentId: string | null;
	names: string[];
}

/** Waits (bounded) until the workflow's executions stop growing and have all finished. */
export async function settledExecutions(
	cluster: QueueCluster,
	workflowId: string,
	atLeast: number,
	timeoutMs = 240_000,
): Promise<EmittedItem[]> {
	let previous = -1;
	await pollUntil(
		async () => {
			const { total, finished, orphaned } = await cluster.executionCounts(workflowId);
			const stable = total === previous && finished + orphaned === total && finished >= atLeast;
			previous = total;
			return stable ? true : undefined;
		},
		{
			timeoutMs,
			intervalMs: 1500,
			description: `${atLeast}+ finished executions of ${workflowId}`,
		},
	);
	return await emittedItems(cluster, workflowId);
}

async function emittedItems(cluster: QueueCluster, workflowId: string): Promise<EmittedItem[]> {
	const flatted = requireFromN8n<{ parse: (text: string) => unknown }>('flatted');
	const rows = await cluster.postgres.query<{ id: number; status: string; data: string }>(
		DATABASE,
		`SELECT e.id, e.status, d.data FROM execution_entity e
			JOIN execution_data d ON d."executionId" = e.id
			WHERE e."workflowId" = $1 AND e.status <> 'new' ORDER BY e.id`,
		[workflowId],
	);
	return rows.map((row) => {
		const run = flatted.parse(row.data) as {
			resultData: {
				runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: any }>> } }>>;
			};
		};
		const item = run.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
		return {
			executionId: Number(row.id),
			status: row.status,
			eventId: String(item.event?.id ?? ''),
			paymentId: item.payment?.paymentId ?? null,
			names: Array.isArray(item.names) ? item.names : [],
		};
	});
}

/**
 * Over the executions whose id is one of `expected`: how many there are, how many ids occur more
 * than once, and which expected ids never occur.
 */
export function tally(seen: string[], expected: string[]) {
	const wanted = new Set(expected);
	const counts = new Map<string, number>();
	for (const id of seen) if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
	const executions = [...counts.values()].reduce((sum, count) => sum + count, 0);
	const duplicated = [...counts.values()].filter((count) => count > 1).length;
	const missing = expected.filter((id) => !counts.has(id));
	return { executions, duplicated, missing };
}
