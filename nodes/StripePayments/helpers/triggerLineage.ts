import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Node types end with this, whatever package prefix n8n registers them under. */
const STRIPE_TRIGGER_TYPE_SUFFIX = '.stripePaymentsTrigger';

/**
 * The item of a Stripe Payments Trigger that the item `itemIndex` descends from, followed through
 * intermediate nodes by n8n's paired items (what `$('<trigger>').item` gives in an expression).
 * Null when no Stripe Payments Trigger is upstream, when none ran in this execution, or when the
 * pairing cannot be resolved (a Merge/Aggregate or a Code node that dropped `pairedItem`, or an
 * item that pairs with more than one trigger item).
 */
export function triggerItemOf(this: IExecuteFunctions, itemIndex: number): IDataObject | null {
	const triggers = upstreamTriggers(this);
	if (triggers.length === 0) return null;
	const proxy = this.getWorkflowDataProxy(itemIndex);
	for (const trigger of triggers) {
		const node = proxy.$(trigger.name) as {
			isExecuted: boolean;
			item?: { json?: IDataObject };
		};
		if (!node.isExecuted) continue;
		try {
			const json = node.item?.json;
			if (json) return json;
		} catch (error) {
			// Documented fallback (docs/idempotency.md): unresolvable pairing means "no triggering
			// event known", and the key is scoped by the execution as before. Only n8n's paired-item
			// errors mean that; anything else is a real failure and surfaces. Matched by name, not
			// instanceof: n8n and this package may load different copies of n8n-workflow.
			if (!isPairedItemError(error)) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		}
	}
	return null;
}

function isPairedItemError(error: unknown): boolean {
	return error instanceof Error && error.name === 'ExpressionError';
}

/**
 * Every item the Stripe Payments Trigger(s) upstream emitted in this execution, whatever the
 * pairing: what is left to go by when triggerItemOf cannot trace one item back.
 */
export function executedTriggerItemsOf(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const triggers = upstreamTriggers(this);
	if (triggers.length === 0) return [];
	const proxy = this.getWorkflowDataProxy(itemIndex);
	return triggers.flatMap((trigger) => {
		const node = proxy.$(trigger.name) as {
			isExecuted: boolean;
			all: () => Array<{ json?: IDataObject }>;
		};
		return node.isExecuted ? node.all().map((item) => item.json ?? {}) : [];
	});
}

/** The enabled Stripe Payments Trigger nodes upstream of this node. */
function upstreamTriggers(context: IExecuteFunctions) {
	return context
		.getParentNodes(context.getNode().name)
		.filter((parent) => parent.type.endsWith(STRIPE_TRIGGER_TYPE_SUFFIX) && !parent.disabled);
}
