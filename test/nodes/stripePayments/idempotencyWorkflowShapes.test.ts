import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { deriveIdempotencyKey } from '../../../core/idempotency';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import {
	MANUAL_TRIGGER_TYPE,
	PACKAGE_NAME,
	retryExecution,
	runWorkflow,
	TRIGGER_NODE_NAME,
	type HarnessWorkflow,
	type WorkflowRunResult,
} from '../harness';
import { LoopOverItems } from './loopOverItems';
import { useStripeEmulator } from './emulatorSuite';
import { byId, TEST_KEY } from './support';

/**
 * Idempotency in the workflow shapes builders wire, through n8n-core's engine, against the Stripe
 * emulator as the ledger of money movements: a Loop Over Items (several passes of one node in one
 * execution), n8n's Retry of a failed batch (built the way ExecutionService.retry builds it), and a
 * re-delivered event.
 */

const WORKFLOW_ID = 'shapes-workflow';
const LOOP = 'Loop Over Items';
const MONEY = 'Money';
const MONEY_NODE_ID = 'money-node';

const EACH_PAYMENT_INTENT = { __rl: true, mode: 'id', value: '={{ $json.paymentIntent }}' };

function node(name: string, type: string, parameters: INodeParameters = {}): INode {
	return { id: `${name}-id`, name, type, typeVersion: 1, position: [0, 0], parameters };
}

function moneyNode(parameters: INodeParameters): INode {
	return {
		...node(MONEY, `${PACKAGE_NAME}.stripePayments`, parameters),
		id: MONEY_NODE_ID,
		credentials: { paywireStripeApi: { id: 'cred-1', name: 'Stripe test' } },
	};
}

const link = (to: string, index = 0) => [{ node: to, type: 'main' as const, index }];

/** Manual Trigger → Money. */
function straight(parameters: INodeParameters): HarnessWorkflow {
	return {
		id: WORKFLOW_ID,
		nodes: [node(TRIGGER_NODE_NAME, MANUAL_TRIGGER_TYPE), moneyNode(parameters)],
		connections: { [TRIGGER_NODE_NAME]: { main: [link(MONEY)] } },
	};
}

/** Manual Trigger → Loop Over Items —loop→ Money → back to the loop. */
function looped(parameters: INodeParameters): HarnessWorkflow {
	const connections: IConnections = {
		[TRIGGER_NODE_NAME]: { main: [link(LOOP)] },
		[LOOP]: { main: [[], link(MONEY)] },
		[MONEY]: { main: [link(LOOP)] },
	};
	return {
		id: WORKFLOW_ID,
		nodes: [
			node(TRIGGER_NODE_NAME, MANUAL_TRIGGER_TYPE),
			node(LOOP, `${PACKAGE_NAME}.testLoopOverItems`),
			moneyNode(parameters),
		],
		connections,
	};
}

const partialRefund: INodeParameters = {
	resource: 'refund',
	operation: 'create',
	refundSource: 'paymentIntent',
	paymentIntent: EACH_PAYMENT_INTENT,
	amountType: 'partial',
	amount: '={{ $json.amount }}',
};

/** Every output item of every run (pass) of the money node, in order. */
function moneyOutputs(result: WorkflowRunResult): IDataObject[] {
	return (result.runData[MONEY] ?? []).flatMap((task) =>
		(task.data?.main?.[0] ?? []).map((item) => item.json),
	);
}

describe('Stripe Payments › idempotency in loops, n8n Retry and re-deliveries (emulator ledger)', () => {
	const suite = useStripeEmulator();

	const run = (workflow: HarnessWorkflow, items: IDataObject[], mode?: 'manual' | 'webhook') =>
		runWorkflow({
			nodes: [StripePayments, LoopOverItems],
			workflow,
			credentials: {
				paywireStripeApi: { secretKey: TEST_KEY, mode: 'test', baseUrl: suite.emulator.url },
			},
			triggerItems: items.map((json) => ({ json })),
			mode,
		});

	const paidIntent = async (amount: number, customer?: string) =>
		await suite.stripe.paymentIntents.create({
			amount,
			currency: 'usd',
			customer,
			payment_method: 'pm_card_visa',
			confirm: true,
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});

	const refundsOf = (paymentIntent: string) =>
		suite.emulator
			.scope('test')
			.moneyMovements.filter((m) => m.kind === 'refund' && m.paymentIntent === paymentIntent)
			.map((m) => m.amount);

	it('Loop Over Items refunding two parts of one payment: two refunds, two keys', async () => {
		const intent = await paidIntent(3000);
		const parts = [
			{ paymentIntent: intent.id, amount: '10.00' },
			{ paymentIntent: intent.id, amount: '10.00' },
		];

		const result = await run(looped(partialRefund), parts);

		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(refundsOf(intent.id), [1000, 1000]);
		const outputs = moneyOutputs(result);
		assert.equal(outputs.length, 2, 'the loop ran the refund node once per part');
		assert.notEqual(outputs[0].idempotencyKey, outputs[1].idempotencyKey);
		assert.deepEqual(
			outputs.map((output) => output.idempotentReplayed),
			[false, false],
		);
	});

	it('Loop Over Items refunding two different payments: both refunded, no idempotency_error', async () => {
		const [first, second] = [await paidIntent(1500), await paidIntent(2500)];

		const result = await run(looped({ ...partialRefund, amountType: 'full' }), [
			{ paymentIntent: first.id },
			{ paymentIntent: second.id },
		]);

		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(refundsOf(first.id), [1500]);
		assert.deepEqual(refundsOf(second.id), [2500]);
	});

	it('a re-delivered event through the same loop replays every pass: no new refund', async () => {
		const intent = await paidIntent(3000);
		const event = { id: 'evt_loop_redelivered', type: 'payment.succeeded' };
		const parts = [
			{ event, paymentIntent: intent.id, amount: '10.00' },
			{ event, paymentIntent: intent.id, amount: '5.00' },
		];

		const delivered = await run(looped(partialRefund), parts, 'webhook');
		const redelivered = await run(looped(partialRefund), parts, 'webhook');

		assert.equal(redelivered.error, undefined, redelivered.error?.message);
		assert.deepEqual(refundsOf(intent.id), [1000, 500]);
		const [firstRun, secondRun] = [moneyOutputs(delivered), moneyOutputs(redelivered)];
		assert.deepEqual(
			secondRun.map((output) => output.idempotencyKey),
			firstRun.map((output) => output.idempotencyKey),
		);
		assert.deepEqual(
			secondRun.map((output) => output.idempotentReplayed),
			[true, true],
		);
		assert.equal(
			firstRun[0].idempotencyKey,
			deriveIdempotencyKey({
				workflowId: WORKFLOW_ID,
				nodeId: MONEY_NODE_ID,
				operation: 'refund.create',
				itemIndex: 0,
				triggerEventId: event.id,
			}),
			'the first pass keeps the key 0.1.0 derived, so keys issued before an upgrade still replay',
		);
	});

	it('n8n Retry of a batch charge after a decline: each customer is charged exactly once', async () => {
		const customers: string[] = [];
		for (const card of ['pm_card_visa', 'pm_card_chargeCustomerFail']) {
			// chargeCustomerFail attaches, then declines every charge (generic_decline).
			const { id } = await suite.stripe.customers.create({ email: `${card}@example.com` });
			const method = await suite.stripe.paymentMethods.attach(card, { customer: id });
			await suite.stripe.customers.update(id, {
				invoice_settings: { default_payment_method: method.id },
			});
			customers.push(id);
		}
		const charge = straight({
			resource: 'payment',
			operation: 'charge',
			customer: byId('={{ $json.customer }}'),
			paymentMethodSource: 'customerDefault',
			amount: '25.00',
			currency: 'usd',
			batching: { concurrency: 1 },
		});
		const chargedCustomers = async () => {
			const charged: string[] = [];
			for (const movement of suite.emulator.scope('test').moneyMovements) {
				if (movement.kind !== 'charge' || !movement.paymentIntent) continue;
				const intent = await suite.stripe.paymentIntents.retrieve(movement.paymentIntent);
				if (customers.includes(String(intent.customer))) charged.push(String(intent.customer));
			}
			return charged.sort();
		};

		const failed = await run(
			charge,
			customers.map((customer) => ({ customer })),
		);
		assert.equal(
			(failed.error as { context?: { paymentError?: IDataObject } }).context?.paymentError
				?.declineCode,
			'generic_decline',
		);
		const advice = String((failed.error as { description?: string }).description);
		assert.doesNotMatch(advice, /retry later with the same idempotency key/i);
		assert.match(advice, /next attempt needs a new key/);
		assert.deepEqual(await chargedCustomers(), [customers[0]]);

		// The customer fixes the card; the builder presses Retry on the failed execution.
		const fixed = await suite.stripe.paymentMethods.attach('pm_card_visa', {
			customer: customers[1],
		});
		await suite.stripe.customers.update(customers[1], {
			invoice_settings: { default_payment_method: fixed.id },
		});
		const retried = await retryExecution(failed, {
			nodes: [StripePayments, LoopOverItems],
			workflow: charge,
			credentials: {
				paywireStripeApi: { secretKey: TEST_KEY, mode: 'test', baseUrl: suite.emulator.url },
			},
		});

		assert.equal(retried.error, undefined, retried.error?.message);
		assert.deepEqual(await chargedCustomers(), [...customers].sort());
		const [first, second] = retried.json[MONEY];
		assert.equal(first.idempotentReplayed, true, 'the item that succeeded replays');
		assert.equal(second.idempotentReplayed, false, 'the declined item is a new attempt');
		const contextData = failed.run.data.executionData?.contextData ?? {};
		const firstExecutionId = (contextData[`node:${MONEY}`] as IDataObject).paywireIdempotency as {
			firstExecutionId: string;
		};
		const key = (itemIndex: number, attempt: number) =>
			deriveIdempotencyKey({
				workflowId: WORKFLOW_ID,
				nodeId: MONEY_NODE_ID,
				operation: 'payment.charge',
				itemIndex,
				executionId: firstExecutionId.firstExecutionId,
				attempt,
			});
		assert.equal(first.idempotencyKey, key(0, 0));
		assert.equal(second.idempotencyKey, key(1, 1));
	});
});
