import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INode, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { customIdempotencyKey } from '../../../core/idempotency';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import {
	MANUAL_TRIGGER_TYPE,
	PACKAGE_NAME,
	runWorkflow,
	TRIGGER_NODE_NAME,
	type HarnessWorkflow,
} from '../harness';
import { useStripeEmulator } from './emulatorSuite';
import { TEST_KEY } from './support';

/**
 * The money node run as a sub-workflow, the way n8n 2.40 runs one (Execute Workflow: a new
 * execution whose run data names its parent, so `getExecutionContext().parentExecutionId` is set;
 * mode `integrated`). There n8n does not tell the node which item or loop pass of the parent called
 * it, nor that a parent's Retry is a retry: an Automatic key is refused before any request, and a
 * Custom key works (docs/idempotency.md › What happens, per workflow shape).
 */

const MONEY = 'Money';

function workflowWith(parameters: INodeParameters, onError?: INode['onError']): HarnessWorkflow {
	const money: INode = {
		id: 'money-node',
		name: MONEY,
		type: `${PACKAGE_NAME}.stripePayments`,
		typeVersion: 1,
		position: [220, 0],
		parameters,
		credentials: { paywireStripeApi: { id: 'cred-1', name: 'Stripe test' } },
		...(onError ? { onError } : {}),
	};
	const trigger: INode = {
		id: 'trigger-id',
		name: TRIGGER_NODE_NAME,
		type: MANUAL_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		id: 'sub-workflow',
		nodes: [trigger, money],
		connections: { [TRIGGER_NODE_NAME]: { main: [[{ node: MONEY, type: 'main', index: 0 }]] } },
	};
}

const fromItem = (field: string) => ({ __rl: true, mode: 'id', value: `={{ $json.${field} }}` });

const chargeDefaultCard: INodeParameters = {
	resource: 'payment',
	operation: 'charge',
	customer: fromItem('customer'),
	paymentMethodSource: 'customerDefault',
	amount: '={{ $json.amount }}',
	currency: 'usd',
};

const partialRefund: INodeParameters = {
	resource: 'refund',
	operation: 'create',
	refundSource: 'paymentIntent',
	paymentIntent: fromItem('paymentIntent'),
	amountType: 'partial',
	amount: '={{ $json.amount }}',
};

describe('Stripe Payments › idempotency in a sub-workflow (emulator ledger)', () => {
	const suite = useStripeEmulator();

	/** A sub-execution: `parent` in its run data (n8n 2.x), and/or mode `integrated` (any n8n). */
	const runAsSub = async (
		workflow: HarnessWorkflow,
		items: IDataObject[],
		how: { parent: boolean; mode: WorkflowExecuteMode } = { parent: true, mode: 'integrated' },
	) => {
		const start = workflow.nodes[0];
		return await runWorkflow({
			nodes: [StripePayments],
			workflow,
			credentials: {
				paywireStripeApi: { secretKey: TEST_KEY, mode: 'test', baseUrl: suite.emulator.url },
			},
			mode: how.mode,
			runExecutionData: createRunExecutionData({
				executionData: {
					nodeExecutionStack: [
						{ node: start, data: { main: [items.map((json) => ({ json }))] }, source: null },
					],
				},
				...(how.parent
					? { parentExecution: { executionId: 'parent-41', workflowId: 'parent-workflow' } }
					: {}),
			}),
		});
	};

	const customerWithCard = async () => {
		const customer = await suite.stripe.customers.create({ email: 'sub@example.com' });
		const card = await suite.stripe.paymentMethods.attach('pm_card_visa', {
			customer: customer.id,
		});
		await suite.stripe.customers.update(customer.id, {
			invoice_settings: { default_payment_method: card.id },
		});
		return customer.id;
	};

	const nodeRequests = () =>
		suite.emulator.requests.filter((request) => request.apiVersion !== null).length;

	for (const how of [
		{ parent: true, mode: 'integrated' as const, why: 'n8n 2.x: parent in the run data' },
		{ parent: true, mode: 'trigger' as const, why: 'a parent whatever the mode' },
		{ parent: false, mode: 'integrated' as const, why: 'older n8n: mode integrated only' },
	]) {
		it(`refuses an Automatic key before any request, naming the field (${how.why})`, async () => {
			const customer = await customerWithCard();
			const before = suite.emulator.requests.length;
			const result = await runAsSub(
				workflowWith(chargeDefaultCard),
				[{ customer, amount: '5.00' }],
				how,
			);
			assert.match(
				String(result.error?.message),
				/^Idempotency Key: cannot be Automatic in a sub-workflow/,
			);
			assert.match(String(result.error?.message), /Choose Custom/);
			// Not even the read of the customer's default card that precedes the charge.
			assert.equal(suite.emulator.requests.length, before);
		});
	}

	it('with On Error: Continue, every item is an error naming the field, and nothing moves', async () => {
		const intent = await suite.stripe.paymentIntents.create({
			amount: 5000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});
		const items = [500, 500, 500].map(() => ({ paymentIntent: intent.id, amount: '5.00' }));
		const result = await runAsSub(workflowWith(partialRefund, 'continueRegularOutput'), items);
		assert.equal(result.json[MONEY].length, 3);
		for (const json of result.json[MONEY]) {
			assert.match(JSON.stringify(json.error), /Idempotency Key/);
		}
		const refunds = suite.emulator
			.scope('test')
			.moneyMovements.filter((m) => m.kind === 'refund' && m.paymentIntent === intent.id);
		assert.equal(refunds.length, 0);
	});

	it('a Custom key works there, and a second call with the same references replays', async () => {
		const intent = await suite.stripe.paymentIntents.create({
			amount: 5000,
			currency: 'usd',
			payment_method: 'pm_card_visa',
			confirm: true,
			automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
		});
		const workflow = workflowWith({
			...partialRefund,
			idempotency: { keyMode: 'custom', customKey: '={{ $json.reference }}' },
		});
		// "Run once for each item": three sub-executions, each with one equal-looking item.
		const calls = ['r-1', 'r-2', 'r-3'].map((reference) => ({
			paymentIntent: intent.id,
			amount: '5.00',
			reference,
		}));
		const first = [];
		for (const call of calls) first.push((await runAsSub(workflow, [call])).json[MONEY][0]);
		// The parent's Retry: new sub-executions, the same items.
		const again = [];
		for (const call of calls) again.push((await runAsSub(workflow, [call])).json[MONEY][0]);
		const refunds = suite.emulator
			.scope('test')
			.moneyMovements.filter((m) => m.kind === 'refund' && m.paymentIntent === intent.id);
		assert.deepEqual(
			refunds.map((m) => m.amount),
			[500, 500, 500],
		);
		assert.deepEqual(
			first.map((json) => [json.idempotencyKey, json.idempotentReplayed]),
			calls.map((call) => [customIdempotencyKey('refund.create', call.reference), false]),
		);
		assert.deepEqual(
			again.map((json) => [json.id, json.idempotentReplayed]),
			first.map((json) => [json.id, true]),
		);
	});

	it('operations without an Idempotency field are not refused there', async () => {
		const customer = await customerWithCard();
		const before = nodeRequests();
		const result = await runAsSub(
			workflowWith({ resource: 'customer', operation: 'get', customer: fromItem('customer') }),
			[{ customer }],
		);
		assert.equal(result.error, undefined);
		assert.equal(result.json[MONEY][0].id, customer);
		assert.equal(nodeRequests(), before + 1);
	});
});
