import type {
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { PACKAGE_NAME, type HarnessWorkflow } from '../harness';

/** Test nodes for workflows that start at the Stripe Payments Trigger (lineage, Connect). */

/**
 * Stands in for the Stripe Payments Trigger under its real type (n8n-nodes-paywire.stripePaymentsTrigger):
 * it starts the run with the items the test gives, shaped like the trigger's output. (The real
 * trigger is a webhook node, which the harness cannot start a run with.)
 */
export class FakeStripePaymentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stripe Payments Trigger (test)',
		name: 'stripePaymentsTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test node: emits trigger-shaped items',
		defaults: { name: 'Stripe Payments Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	/** Marks the type as a trigger (a start node); the run itself goes through execute. */
	async trigger(): Promise<undefined> {
		return undefined;
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Like a Set node keeping one field: the `event` block is gone, each item paired to its input. */
export class KeepOrderId implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keep Order ID',
		name: 'testKeepOrderId',
		group: ['transform'],
		version: 1,
		description: 'Test node: keeps only orderId',
		defaults: { name: 'Keep Order ID' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({
				json: { orderId: item.json.orderId ?? 'order-42' },
				pairedItem: { item: index },
			})),
		];
	}
}

/** Like an Aggregate node: one item paired with every input item, so "the" trigger item is ambiguous. */
export class AggregateOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Aggregate Orders',
		name: 'testAggregateOrders',
		group: ['transform'],
		version: 1,
		description: 'Test node: one item for all inputs',
		defaults: { name: 'Aggregate Orders' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [
			[
				{
					json: { count: items.length },
					pairedItem: items.map((_item, index) => ({ item: index })),
				},
			],
		];
	}
}

export const TRIGGER = 'Stripe Payments Trigger';
/** The Stripe Payments node of a triggerWorkflow. */
export const ACTION = 'Stripe Payments';

export type Intermediate = 'none' | 'keepOrderId' | 'aggregate';

/** Trigger → (an intermediate node) → a Stripe Payments node with these parameters. */
export function triggerWorkflow(
	intermediate: Intermediate,
	parameters: INodeParameters,
	ids: { id: string; actionNodeId: string },
): HarnessWorkflow {
	const node = (name: string, type: string, extra: Partial<INode> = {}): INode => ({
		id: `${type}-node`,
		name,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...extra,
	});
	const action = node(ACTION, 'stripePayments', {
		id: ids.actionNodeId,
		parameters,
		credentials: { paywireStripeApi: { id: 'cred-1', name: 'Stripe test' } },
	});
	const trigger = node(TRIGGER, 'stripePaymentsTrigger');
	const nodes = [trigger, action];
	const link = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: 'main' as const, index: 0 }]] },
	});
	if (intermediate === 'none') {
		return { id: ids.id, nodes, connections: link(TRIGGER, ACTION) };
	}
	const name = intermediate === 'keepOrderId' ? 'Keep Order ID' : 'Aggregate Orders';
	const type = intermediate === 'keepOrderId' ? 'testKeepOrderId' : 'testAggregateOrders';
	return {
		id: ids.id,
		nodes: [...nodes, node(name, type)],
		connections: { ...link(TRIGGER, name), ...link(name, ACTION) },
	};
}
