import { createHash } from 'node:crypto';

import { PaymentInputError } from './errors';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './stripe/request';

export interface AutomaticKeyInput {
	workflowId: string;
	nodeId: string;
	operation: string;
	itemIndex: number;
	/** Id of the payment event that started the execution, when the item carries one. */
	triggerEventId?: string | null;
	executionId?: string | null;
}

const KEY_PREFIX = 'paywire-';

/**
 * Automatic key: the same workflow, node, operation and item, driven by the same payment event,
 * always gets the same key, so a re-delivered event or a retried execution replays Stripe's stored
 * response instead of moving money twice. Without an event id the execution id scopes the key,
 * which makes "retry execution" safe but lets a new execution make a new payment.
 */
export function deriveIdempotencyKey(input: AutomaticKeyInput): string {
	const triggerEventId = input.triggerEventId?.trim();
	const executionId = input.executionId?.trim();
	if (!triggerEventId && !executionId) {
		throw new PaymentInputError(
			'Idempotency Key',
			'cannot be derived automatically: this run has neither a payment event id nor an execution id.',
			'Choose Custom and set a value that identifies the payment, such as the order id.',
		);
	}
	const scope = triggerEventId ? ['event', triggerEventId] : ['execution', executionId];
	return hashKey([
		'automatic',
		input.workflowId,
		input.nodeId,
		input.operation,
		input.itemIndex,
		...scope,
	]);
}

/**
 * Custom key: the builder's value (an order id, say), scoped by operation so the same order id
 * used to create a payment and to refund it gives two different keys.
 */
export function customIdempotencyKey(operation: string, userValue: string): string {
	const value = typeof userValue === 'string' ? userValue.trim() : '';
	if (value === '') {
		throw new PaymentInputError(
			'Idempotency Key',
			'is empty.',
			'Set it to a value that identifies this payment, such as {{ $json.orderId }}, or choose Automatic.',
		);
	}
	if (value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		throw new PaymentInputError(
			'Idempotency Key',
			`is ${value.length} characters long; the limit is ${MAX_IDEMPOTENCY_KEY_LENGTH}.`,
			'Use a shorter value that still identifies the payment, such as the order id.',
		);
	}
	return hashKey(['custom', operation, value]);
}

/** JSON of an array is an unambiguous encoding: no choice of values can make two inputs collide. */
function hashKey(parts: ReadonlyArray<string | number | undefined>): string {
	return KEY_PREFIX + createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
