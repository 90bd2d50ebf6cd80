import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { deriveIdempotencyKey } from '../../../core/idempotency';
import { stripeFixture } from '../../fixtures/stripe';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import { runWorkflow, type HarnessWorkflow } from '../harness';
import { fullRefundParameters, STRIPE, stripeMock, TEST_KEY, useStripeTestHooks } from './support';
import {
	ACTION,
	AggregateOrders,
	FakeStripePaymentsTrigger,
	KeepOrderId,
	triggerWorkflow,
	type Intermediate,
} from './triggerNodes';

/**
 * The triggering Stripe event is found through intermediate nodes by n8n's paired items, so the
 * Automatic key of a refund is the same whether or not a Set-like node stands in between, and a
 * re-delivered event that starts a new execution replays instead of refunding twice.
 */

const REFUND_NODE_ID = 'refund-node';
const WORKFLOW_ID = 'lineage-workflow';

const workflowThrough = (intermediate: Intermediate): HarnessWorkflow =>
	triggerWorkflow(intermediate, fullRefundParameters('pi_1'), {
		id: WORKFLOW_ID,
		actionNodeId: REFUND_NODE_ID,
	});

/** Runs trigger → (intermediate) → refund with these trigger items; the Idempotency-Keys sent. */
async function refundKeys(intermediate: Intermediate, eventIds: string[]): Promise<string[]> {
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
	assert.deepEqual(result.nodeExecutionOrder.at(-1), ACTION);
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
