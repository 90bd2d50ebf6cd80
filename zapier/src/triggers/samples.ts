import type { Bundle, ZObject } from 'zapier-platform-core';

import type { NormalizedEventName } from '../../../core/payments/types';
import { enabledEventsFor, normalizeStripeEvent } from '../../../core/stripe/events';
import { stripeCall } from '../transport';
import { triggerItem } from './delivery';

/** How many of the account's recent events are looked at for samples. */
const EVENTS_LOOKED_AT = 25;

/**
 * Samples for the Zap editor: the account's recent events of the trigger's raw types, normalised
 * exactly like a delivery and filtered the same way (a checkout still unpaid is no payment).
 * Events read through the API were not signed: they are only ever samples, never Zap runs.
 */
export async function recentEventItems(
	z: ZObject,
	bundle: Bundle,
	name: NormalizedEventName,
): Promise<Record<string, unknown>[]> {
	const result = await stripeCall(z, bundle, {
		method: 'GET',
		path: '/v1/events',
		params: { types: enabledEventsFor([name]), limit: EVENTS_LOOKED_AT },
	});
	const events = Array.isArray(result.body.data)
		? (result.body.data as Record<string, unknown>[])
		: [];
	return events
		.map((event) => normalizeStripeEvent(event))
		.filter((normalized) => normalized.names.includes(name))
		.map((normalized) => triggerItem(normalized, name));
}
