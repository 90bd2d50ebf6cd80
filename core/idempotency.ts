import { createHash } from 'node:crypto';

import { PaymentInputError } from './errors';
import type { PaymentErrorDetails } from './payments/types';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './stripe/request';

export interface AutomaticKeyInput {
	workflowId: string;
	nodeId: string;
	operation: string;
	itemIndex: number;
	/**
	 * Which pass of the node this is within one run of the workflow (n8n's run index: a Loop Over
	 * Items runs the node once per batch, and the item index restarts at 0 on every pass). 0 or
	 * absent for platforms without passes.
	 */
	runIndex?: number;
	/** Id of the payment event that started the execution, when the item carries one. */
	triggerEventId?: string | null;
	/**
	 * The execution that scopes the key when there is no event: the FIRST execution of this run
	 * (a platform retry that re-uses the run passes the first execution's id, not its own).
	 */
	executionId?: string | null;
	/**
	 * How many earlier attempts of this item, pass and operation ended in a final refusal (see
	 * isFinalRefusal). Stripe stores a refusal under its key and replays it, so the next attempt
	 * needs a new key; items that succeeded keep attempt 0 and replay.
	 */
	attempt?: number;
	/**
	 * The execution that called this one as a sub-workflow, when it is one. An Automatic key is
	 * refused there (see refuseAutomaticKeyInSubWorkflow).
	 */
	parentExecutionId?: string | null;
}

const KEY_PREFIX = 'paywire-';

/**
 * Automatic key: the same workflow, node, operation, pass, item and attempt, driven by the same
 * payment event (else the same first execution), always gets the same key, so a re-delivered event
 * or a retried execution replays Stripe's stored response instead of moving money twice, while two
 * passes of a loop and the attempt after a decline get keys of their own.
 *
 * Pass 0, attempt 0 hashes exactly what 0.1.0 hashed, so keys issued before an upgrade still replay.
 */
export function deriveIdempotencyKey(input: AutomaticKeyInput): string {
	refuseAutomaticKeyInSubWorkflow(input.parentExecutionId);
	const triggerEventId = input.triggerEventId?.trim();
	const executionId = input.executionId?.trim();
	if (!triggerEventId && !executionId) {
		throw new PaymentInputError(
			'Idempotency Key',
			'cannot be derived automatically: this run has neither a payment event id nor an execution id.',
			'Choose Custom and set a value that identifies the payment, such as the order id.',
		);
	}
	const runIndex = counter(input.runIndex, 'runIndex');
	const attempt = counter(input.attempt, 'attempt');
	const scope = triggerEventId ? ['event', triggerEventId] : ['execution', executionId];
	const passAndAttempt = runIndex > 0 || attempt > 0 ? ['pass', runIndex, 'attempt', attempt] : [];
	return hashKey([
		'automatic',
		input.workflowId,
		input.nodeId,
		input.operation,
		input.itemIndex,
		...scope,
		...passAndAttempt,
	]);
}

/**
 * The rule for sub-workflows: no Automatic key. A run started by another workflow (n8n's Execute
 * Workflow, once or once per item, in a loop or not) is told only its parent's execution id: not
 * which item or loop pass of the parent called it, nor the parent's first execution. So two calls
 * for different payments look alike (the same item 0, pass 0 and event: one key, one payment
 * reported twice), and a Retry of the parent looks like a new call (a new sub-execution: new keys,
 * paid twice). A fingerprint of the items passed cannot help: two genuine equal payments pass
 * equal items. Only the builder knows what identifies the payment, so the node asks for it, before
 * any request is made.
 */
export function refuseAutomaticKeyInSubWorkflow(
	parentExecutionId: string | null | undefined,
): void {
	if (parentExecutionId === undefined || parentExecutionId === null) return;
	throw new PaymentInputError(
		'Idempotency Key',
		'cannot be Automatic in a sub-workflow: the workflow that called this one does not tell it which of its items or loop passes this run is for, nor that its own Retry is a retry, so an Automatic key would merge different payments or pay twice.',
		'Choose Custom and map a value that identifies the payment, such as {{ $json.orderId }} or your refund reference.',
	);
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

/** Categories of an answer that refused the request for good, after which no money had moved. */
const FINAL_REFUSALS: ReadonlySet<PaymentErrorDetails['category']> = new Set([
	'card_declined',
	'authentication_required',
	'invalid_request',
	'not_found',
	'configuration',
]);

/**
 * True when Stripe answered this request with a final refusal that moved no money (a decline, a
 * 402, an invalid or impossible request). Stripe keeps such an answer under the key and replays it
 * for 24 hours, so the NEXT attempt of the same intent (after the card was fixed, the request
 * corrected) must use a new key; the same key would only replay the refusal.
 *
 * Never true where money may have moved or may still move under the key: an idempotency_error
 * (the key was used before with other parameters), a 409 (a request with this key is running),
 * 429, 5xx or no answer (the outcome is unknown: only the same key is safe).
 */
export function isFinalRefusal(details: PaymentErrorDetails | undefined): boolean {
	if (!details || !FINAL_REFUSALS.has(details.category)) return false;
	const status = details.httpStatus;
	return status === 400 || status === 402 || status === 404;
}

function counter(value: number | undefined, name: string): number {
	if (value === undefined) return 0;
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new RangeError(`deriveIdempotencyKey: ${name} must be a whole number ≥ 0, got ${value}`);
	}
	return value;
}

/** JSON of an array is an unambiguous encoding: no choice of values can make two inputs collide. */
function hashKey(parts: ReadonlyArray<string | number | undefined>): string {
	return KEY_PREFIX + createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
