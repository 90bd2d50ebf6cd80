import type { INode, INodeParameters } from 'n8n-workflow';

import { chargeItemCustomer, partialRefundOfItem } from '../../helpers/moneyParameters';
import { MANUAL_TRIGGER_TYPE, PACKAGE_NAME, type HarnessWorkflow } from '../../nodes/harness';
import {
	EXECUTE_WORKFLOW_TRIGGER_TYPE,
	EXECUTE_WORKFLOW_TYPE,
	LOOP_OVER_ITEMS_TYPE,
} from './n8nBaseNodes';

/** How the money node sits in the workflow: the shapes builders wire. */
export type Structure = 'direct' | 'loop' | 'subWorkflow' | 'loopAroundSubWorkflow';

export interface WorkflowShape {
	operation: 'charge' | 'refund';
	structure: Structure;
	/** Loop Over Items' Batch Size. */
	loopBatchSize: number;
	/** Execute Workflow's Mode: all items in one sub-execution, or one sub-execution per item. */
	subWorkflowMode: 'once' | 'each';
	retryOnFail: boolean;
	/** On Error: Continue (regular output) instead of stopping the workflow. */
	continueOnFail: boolean;
	/** The node's Batching › Concurrency. */
	concurrency: number;
	/**
	 * The money node's Idempotency › Key in a sub-workflow (elsewhere always Automatic). Custom is
	 * what the node asks for there: a value from the intended movement's identity, as a builder maps
	 * it (see subWorkflowMoneyNodes). Automatic there must be refused before any request.
	 */
	subWorkflowKey: 'custom' | 'automatic';
}

export const MAIN_WORKFLOW_ID = 'propMain';
export const SUB_WORKFLOW_ID = 'propSub';
export const MONEY_NODE = 'Stripe Payments';
export const SUB_WORKFLOW_NODE = 'Execute Workflow';
const TRIGGER = 'Trigger';
const SUB_TRIGGER = 'Sub Trigger';
const LOOK_UP_CUSTOMER = 'Look Up Customer';
const LOOP = 'Loop Over Items';
const CREDENTIAL = { paywireStripeApi: { id: 'paywireStripeApi-test', name: 'Test Stripe' } };

/** Item fields the money node reads: `customer` + `amount` (charge) or `paymentIntent` + `amount` (refund). */
function moneyParameters(shape: WorkflowShape): INodeParameters {
	const batching = { concurrency: shape.concurrency, requestsPerSecond: 1000 };
	const parameters = shape.operation === 'charge' ? chargeItemCustomer() : partialRefundOfItem();
	return { ...parameters, batching } as INodeParameters;
}

function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: INodeParameters,
	x: number,
): INode {
	return {
		id: `prop-${name.replace(/\W/g, '')}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
	};
}

function moneyNode(shape: WorkflowShape): INode {
	return {
		...node(MONEY_NODE, `${PACKAGE_NAME}.stripePayments`, 1, moneyParameters(shape), 440),
		credentials: CREDENTIAL,
		...(shape.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 } : {}),
		...(shape.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

const to = (name: string) => [{ node: name, type: 'main' as const, index: 0 }];

/** The main workflow, and the sub-workflow when the shape calls one. */
export function buildWorkflows(shape: WorkflowShape): HarnessWorkflow[] {
	const usesSub = shape.structure === 'subWorkflow' || shape.structure === 'loopAroundSubWorkflow';
	const inLoop = shape.structure === 'loop' || shape.structure === 'loopAroundSubWorkflow';
	const worker = usesSub
		? {
				...node(
					SUB_WORKFLOW_NODE,
					EXECUTE_WORKFLOW_TYPE,
					1.3,
					{
						source: 'database',
						workflowId: { __rl: true, mode: 'id', value: SUB_WORKFLOW_ID },
						mode: shape.subWorkflowMode,
						options: { waitForSubWorkflow: true },
					},
					440,
				),
				...(shape.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			}
		: moneyNode(shape);
	const nodes: INode[] = [node(TRIGGER, MANUAL_TRIGGER_TYPE, 1, {}, 0), worker];
	const connections: HarnessWorkflow['connections'] = {};
	if (inLoop) {
		nodes.push(
			node(LOOP, LOOP_OVER_ITEMS_TYPE, 3, { batchSize: shape.loopBatchSize, options: {} }, 220),
		);
		connections[TRIGGER] = { main: [to(LOOP)] };
		connections[LOOP] = { main: [[], to(worker.name)] };
		connections[worker.name] = { main: [to(LOOP)] };
	} else {
		connections[TRIGGER] = { main: [to(worker.name)] };
	}
	const main: HarnessWorkflow = {
		id: MAIN_WORKFLOW_ID,
		name: 'Property: main',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
	if (!usesSub) return [main];
	const sub: HarnessWorkflow = {
		id: SUB_WORKFLOW_ID,
		name: 'Property: sub-workflow',
		...subWorkflowMoneyNodes(shape),
		settings: { executionOrder: 'v1' },
	};
	return [main, sub];
}

const PASSTHROUGH = { inputSource: 'passthrough' };
const CUSTOM_KEY_OF_ITEM = '={{ $json.reference }}';

/**
 * The sub-workflow after its Execute Workflow Trigger, as a builder wires it with the Custom key
 * the node asks for in a sub-workflow. A refund's key is the refund's reference (each item carries
 * one: its line). A charge's key is the order line AND the card it is charged to: a Custom key
 * replays a decline, so the builder looks the customer up first and keys by the customer's current
 * default card — the same card replays (a success, or its decline), a fixed card is a new attempt.
 */
function subWorkflowMoneyNodes(
	shape: WorkflowShape,
): Pick<HarnessWorkflow, 'nodes' | 'connections'> {
	const trigger = node(SUB_TRIGGER, EXECUTE_WORKFLOW_TRIGGER_TYPE, 1.1, PASSTHROUGH, 0);
	const money = moneyNode(shape);
	if (shape.subWorkflowKey === 'automatic') {
		return { nodes: [trigger, money], connections: { [SUB_TRIGGER]: { main: [to(MONEY_NODE)] } } };
	}
	const custom = (customKey: string) => ({ keyMode: 'custom', customKey });
	if (shape.operation === 'refund') {
		money.parameters = { ...money.parameters, idempotency: custom(CUSTOM_KEY_OF_ITEM) };
		return { nodes: [trigger, money], connections: { [SUB_TRIGGER]: { main: [to(MONEY_NODE)] } } };
	}
	const fromTrigger = (field: string) => `$('${SUB_TRIGGER}').item.json.${field}`;
	money.parameters = {
		...money.parameters,
		customer: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		amount: `={{ ${fromTrigger('amount')} }}`,
		idempotency: custom(
			`={{ ${fromTrigger('reference')} }}-{{ $json.invoice_settings.default_payment_method }}`,
		),
	};
	const lookUp: INode = {
		...node(
			LOOK_UP_CUSTOMER,
			`${PACKAGE_NAME}.stripePayments`,
			1,
			{
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
			},
			220,
		),
		credentials: CREDENTIAL,
		...(shape.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 } : {}),
	};
	return {
		nodes: [trigger, lookUp, money],
		connections: {
			[SUB_TRIGGER]: { main: [to(LOOK_UP_CUSTOMER)] },
			[LOOK_UP_CUSTOMER]: { main: [to(MONEY_NODE)] },
		},
	};
}
