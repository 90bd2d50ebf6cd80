import type { INode, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DuplicateStore } from '../../core/dedupe/duplicateStore';
import { duplicateNamespace, openRedisDuplicateStore } from '../../core/dedupe/redisDuplicateStore';
import type { TriggerSettings } from './description';
import { redisClientFor, redisTargetOf, unreachableMessage } from './redisConnection';
import { openStaticDataStore } from './staticDataStore';

const UNAVAILABLE = 'The duplicate store did not answer';

/**
 * The store did not answer: the delivery is answered 503 with `description` (what to fix), and
 * Stripe retries. The text goes in `description` because n8n rewrites messages that mention
 * connection errors ("connect ECONNREFUSED …") into generic ones.
 */
function storeUnavailable(node: INode, description: string): NodeOperationError {
	return new NodeOperationError(node, UNAVAILABLE, { description });
}

/** What to answer when `error` is the store failing; undefined for every other error. */
export function storeUnavailableMessage(error: unknown): string | undefined {
	return error instanceof NodeOperationError && error.message === UNAVAILABLE
		? (error.description ?? UNAVAILABLE)
		: undefined;
}

/** The duplicate store the user chose for this trigger, for one delivery. */
export async function openDuplicateStore(
	context: IWebhookFunctions,
	settings: TriggerSettings,
): Promise<DuplicateStore> {
	const node = context.getNode();
	const workflowId = context.getWorkflow().id ?? '';
	const mode = context.getMode();
	if (settings.duplicateStore === 'thisInstance') {
		return openStaticDataStore(
			context.getWorkflowStaticData('node'),
			`${workflowId}:${node.id}:${mode}`,
			settings.rememberedEvents,
		);
	}
	let target;
	try {
		target = redisTargetOf(await context.getCredentials('redis'));
	} catch (error) {
		throw storeUnavailable(
			node,
			`The shared duplicate store has no usable Redis credential (${errorText(error)}). Select a ` +
				'Redis credential in the Stripe Payments Trigger, or set Duplicate Store to "This n8n Only".',
		);
	}
	const store = openRedisDuplicateStore(
		redisClientFor(target),
		duplicateNamespace(workflowId, node.id, mode),
	);
	const guard =
		<Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
		async (...args: Args): Promise<Result> => {
			try {
				return await call(...args);
			} catch (error) {
				throw storeUnavailable(node, unreachableMessage(target, error));
			}
		};
	return {
		claim: guard(store.claim),
		markDone: guard(store.markDone),
		release: guard(store.release),
	};
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
