import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { wholeNumberInRange } from '../../../core/payments/wholeNumbers';
import { assertNoCardNumbers } from '../../../core/security/cardGuard';
import { paymentErrorItem, toNodeError } from '../../shared/nodeErrors';
import {
	pacedRequestsPerSecond,
	RequestRateLimiter,
	useRateLimiter,
} from '../../shared/requestRateLimit';
import { stripeCredentialMode } from '../../shared/stripeTransport';
import { idempotencySettingGuard } from './idempotency';
import { keyLedgerOf } from './keyLedger';

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

export const DEFAULT_CONCURRENCY = 10;
const MAX_CONCURRENCY = 50;

export const batchingOption: INodeProperties = {
	displayName: 'Batching',
	name: 'batching',
	type: 'collection',
	placeholder: 'Add Batching Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: DEFAULT_CONCURRENCY,
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			description: 'How many items are sent to Stripe at the same time. Output order is kept.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Pace of requests to Stripe. 0 follows the key: just under Stripe’s default limits of 25/s for test keys and 100/s for live keys.',
		},
	],
};

interface BatchingSetting {
	concurrency?: number;
	requestsPerSecond?: number;
}

/**
 * The one place items are processed: card-number guard over every item's parameters and the
 * Idempotency setting check (no Automatic key in a sub-workflow) before any request, bounded concurrency, the key-mode rate limit, continueOnFail, pairedItem, itemIndex,
 * input order kept, and on every output of a keyed request its `idempotencyKey` and
 * `idempotentReplayed`. With several items in flight, an item after a failed one may already have
 * run when the node stops; idempotency keys make re-running it safe, and an item Stripe refused for
 * good (a decline) gets a new key on its next attempt (see keyLedger.ts).
 */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	const keys = keyLedgerOf(this);
	const failedItem = (itemIndex: number, error: unknown): INodeExecutionData[] => {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!continueOnFail) throw nodeError;
		return [{ json: { error: paymentErrorItem(nodeError) }, pairedItem: { item: itemIndex } }];
	};

	const pending: number[] = [];
	const guardItem = cardNumberGuard(this);
	const guardKeySetting = idempotencySettingGuard(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			guardItem(itemIndex);
			guardKeySetting(itemIndex);
			pending.push(itemIndex);
		} catch (error) {
			results[itemIndex] = failedItem(itemIndex, error);
		}
	}
	if (pending.length === 0) return results.flat();

	const batching = this.getNodeParameter('batching', 0, {}) as BatchingSetting;
	const mode = await stripeCredentialMode(this);
	useRateLimiter(
		this,
		new RequestRateLimiter(pacedRequestsPerSecond(mode, batching.requestsPerSecond)),
	);
	let concurrency: number;
	try {
		concurrency = wholeNumberInRange(batching.concurrency ?? DEFAULT_CONCURRENCY, 'Concurrency', {
			min: 1,
			max: MAX_CONCURRENCY,
		});
	} catch (error) {
		throw toNodeError(node, error);
	}

	let next = 0;
	let stopError: unknown;
	const worker = async (): Promise<void> => {
		while (stopError === undefined && next < pending.length) {
			const itemIndex = pending[next++];
			try {
				const output = await operation.call(this, itemIndex);
				results[itemIndex] = (Array.isArray(output) ? output : [output]).map((json) => ({
					json: keys.stamp(itemIndex, json),
					pairedItem: { item: itemIndex },
				}));
			} catch (error) {
				keys.itemFailed(itemIndex);
				try {
					results[itemIndex] = failedItem(itemIndex, error);
				} catch (nodeError) {
					stopError ??= nodeError;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
	if (stopError !== undefined) throw stopError;
	return results.flat();
}

/**
 * Refuses a card number in any parameter before anything is sent. A parameter without an
 * expression is the same for every item, so it is checked once and its verdict applies to all.
 */
function cardNumberGuard(context: IExecuteFunctions): (itemIndex: number) => void {
	const parameters = Object.entries(context.getNode().parameters);
	let staticFinding: unknown;
	try {
		for (const [name, raw] of parameters) {
			if (!containsExpression(raw)) assertNoCardNumbers(raw, name);
		}
	} catch (error) {
		staticFinding = error;
	}
	const dynamicNames = parameters
		.filter(([, raw]) => containsExpression(raw))
		.map(([name]) => name);
	return (itemIndex) => {
		if (staticFinding !== undefined) throw staticFinding;
		for (const name of dynamicNames) {
			assertNoCardNumbers(context.getNodeParameter(name, itemIndex), name);
		}
	};
}

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(containsExpression);
	if (value !== null && typeof value === 'object') {
		return Object.values(value).some(containsExpression);
	}
	return false;
}
