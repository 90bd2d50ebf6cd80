import type { ZObject } from 'zapier-platform-core';

import type { NormalizedEvent, NormalizedEventName } from '../../../core/payments/types';
import { onceKeysOf } from '../../../core/stripe/events';

/** Stripe retries a delivery for up to three days; remember what was emitted a little longer. */
const REMEMBER_SECONDS = 3 * 24 * 3600 + 3600;

/**
 * At most one Zap run per meaning: a re-delivered event (same event id) and a second event with
 * the same meaning (a card checkout sends checkout.session.completed and payment_intent.succeeded
 * for one payment: whichever arrives first wins, as in the n8n trigger) are dropped. The memory
 * is Zapier's cache, keyed by the Zap's own endpoint so two Zaps never silence each other. When
 * the cache cannot be reached the item is emitted: a duplicate run is better than a lost payment.
 */
export async function isFirstDelivery(
	z: ZObject,
	endpointId: string,
	normalized: NormalizedEvent,
	name: NormalizedEventName,
): Promise<boolean> {
	const meaning = onceKeysOf(normalized).get(name) ?? `event:${normalized.event.id}`;
	const key = `paywire:${endpointId}:${meaning}`;
	try {
		if ((await z.cache.get(key)) !== null) return false;
		return (
			(await z.cache.set(key, normalized.event.id, REMEMBER_SECONDS, undefined, true)) !== false
		);
	} catch (error) {
		z.console.warn(
			`Paywire: duplicate check unavailable (${(error as Error).message}); emitting the event.`,
		);
		return true;
	}
}
