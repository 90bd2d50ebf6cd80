import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { deriveIdempotencyKey } from '../../../core/idempotency';
import { stripeFixture } from '../../fixtures/stripe';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import { PACKAGE_NAME, runWorkflow, type HarnessWorkflow } from '../harness';
import { fullRefundParameters, STRIPE, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

/**
 * The triggering Stripe event is found through intermediate nodes by n8n's paired items, so the
 * Automatic key of a refund is the same whether or not a Set-like node stands in between, and a
 * re-delivered event that starts a new execution replays instead of refunding twice.
 */

/**
 * Stands in for the Stripe Payments Trigger under its real type (n8n-nodes-paywire.stripePaymentsTrigger):
 * it starts the run with the items the test gives, shaped like the trigger's output. (The real
 * trigger is a webhook node, which the harness cannot start a run with.)
 */
class FakeStripePaymentsTrigger implements INodeType {
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
class KeepOrderId implements INodeType {
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
class AggregateOrders implements INodeType {
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

const TRIGGER = 'Stripe Payments Trigger';
const REFUND = 'Refund';
const REFUND_NODE_ID = 'refund-node';
const WORKFLOW_ID = 'lineage-workflow';

function workflowThrough(intermediate: 'none' | 'keepOrderId' | 'aggregate'): HarnessWorkflow {
	const node = (name: string, type: string, extra: Partial<INode> = {}): INode => ({
		id: `${type}-node`,
		name,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...extra,
	});
	const refund = node(REFUND, 'stripePayments', {
		id: REFUND_NODE_ID,
		parameters: fullRefundParameters('pi_1'),
		credentials: { paywireStripeApi: { id: 'cred-1', name: 'Stripe test' } },
	});
	const trigger = node(TRIGGER, 'stripePaymentsTrigger');
	const nodes = [trigger, refund];
	const link = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: 'main' as const, index: 0 }]] },
	});
	if (intermediate === 'none') {
		return { id: WORKFLOW_ID, nodes, connections: link(TRIGGER, REFUND) };
	}
	const name = intermediate === 'keepOrderId' ? 'Keep Order ID' : 'Aggregate Orders';
	const type = intermediate === 'keepOrderId' ? 'testKeepOrderId' : 'testAggregateOrders';
	return {
		id: WORKFLOW_ID,
		nodes: [...nodes, node(name, type)],
		connections: { ...link(TRIGGER, name), ...link(name, REFUND) },
	};
}

/** Runs trigger → (intermediate) → refund with these trigger items; the Idempotency-Keys sent. */
async function refundKeys(
	intermediate: 'none' | 'keepOrderId' | 'aggregate',
	eventIds: string[],
): Promise<string[]> {
	const { scope, requests } = stripeMock();
	scope.post('/v1/refunds').times(eventIds.length).reply(200, stripeFixture('refund'));
	const result = await runWorkflow({
		nodes: [FakeStripePaymentsTrigger, StripePayments, KeepOrderId, AggregateOrders],
		workflow: workflowThrough(intermediate),
		credentials: { paywireStripeApi: { secretKey: TEST_KEY, mode: 'test', baseUrl: STRIPE } },
		triggerItems: eventIds.map((id) => ({
			json: { event: { id, type: 'payment.succeeded' }, orderId: `order-${id}` },
		})),
		mode: 'webhook',
	});
	assert.equal(result.error, undefined, result.error?.message);
	assert.deepEqual(result.nodeExecutionOrder.at(-1), REFUND);
	return requests.map((request) => request.headers['idempotency-key']);
}

const keyFromEvent = (eventId: string, itemIndex = 0) =>
	deriveIdempotencyKey({
		workflowId: WORKFLOW_ID,
		nodeId: REFUND_NODE_ID,
		operation: 'refund.create',
		itemIndex,
		triggerEventId: eventId,
	});

describe('Stripe Payments › Automatic idempotency follows the trigger through intermediate nodes', () => {
	useStripeTestHooks();

	it('directly after the trigger: the key is derived from the event id', async () => {
		assert.deepEqual(await refundKeys('none', ['evt_lineageA']), [keyFromEvent('evt_lineageA')]);
	});

	it('after a node that drops `event`: the same key as directly after the trigger', async () => {
		const direct = await refundKeys('none', ['evt_lineageA']);
		const throughSet = await refundKeys('keepOrderId', ['evt_lineageA']);
		assert.deepEqual(throughSet, direct);
		assert.deepEqual(throughSet, [keyFromEvent('evt_lineageA')]);
	});

	it('a re-delivery in a new execution replays the key; another event gets another key', async () => {
		const first = await refundKeys('keepOrderId', ['evt_lineageA']);
		const redelivered = await refundKeys('keepOrderId', ['evt_lineageA']);
		const other = await refundKeys('keepOrderId', ['evt_lineageB']);
		assert.deepEqual(redelivered, first);
		assert.notEqual(other[0], first[0]);
		assert.deepEqual(other, [keyFromEvent('evt_lineageB')]);
	});

	it('each item pairs with its own trigger item', async () => {
		const keys = await refundKeys('keepOrderId', ['evt_lineageA', 'evt_lineageB']);
		assert.deepEqual(keys, [keyFromEvent('evt_lineageA', 0), keyFromEvent('evt_lineageB', 1)]);
	});

	it('ambiguous pairing (an Aggregate): falls back to the execution, without an error', async () => {
		const events = ['evt_lineageA', 'evt_lineageB'];
		const [first] = await refundKeys('aggregate', events);
		const [second] = await refundKeys('aggregate', events);
		assert.match(first, /^paywire-[0-9a-f]{64}$/);
		assert.notEqual(first, second, 'scoped by execution, as without a triggering event');
		assert.ok(!events.some((id) => first === keyFromEvent(id)));
	});
});
