import type { PaymentErrorDetails } from '../../core/payments/types';

/** What Stripe answered to one keyed request (a POST). */
export type IdempotentWriteOutcome =
	| { ok: true; replayed: boolean }
	| { ok: false; error: PaymentErrorDetails | undefined };

export type IdempotentWriteObserver = (
	itemIndex: number | undefined,
	idempotencyKey: string,
	outcome: IdempotentWriteOutcome,
) => void;

/**
 * The transport reports the answer to every keyed request to the observer registered for the n8n
 * context it was called with (runPerItem registers one per node run): that is how the node learns
 * `Idempotent-Replayed` and which keys ended in a final refusal, once, for every operation.
 */
const observers = new WeakMap<object, IdempotentWriteObserver>();

export function observeIdempotentWrites(context: object, observer: IdempotentWriteObserver): void {
	observers.set(context, observer);
}

export function reportIdempotentWrite(
	context: object,
	write: { itemIndex?: number; idempotencyKey?: string },
	outcome: IdempotentWriteOutcome,
): void {
	if (write.idempotencyKey === undefined) return;
	observers.get(context)?.(write.itemIndex, write.idempotencyKey, outcome);
}
