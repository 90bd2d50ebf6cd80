import type { IWebhookFunctions } from 'n8n-workflow';

import type { NormalizedEvent } from '../../core/payments/types';
import { RETRIEVE_PATH_BY_OBJECT } from '../../core/stripe/eventCatalog';
import { stripeApiRequest } from '../shared/stripeTransport';

/**
 * "Confirm with Stripe": the event's object as it is now, read with the trigger's credential. An
 * event from a connected account (Connect: `event.account`) is re-read on that account
 * (`Stripe-Account`), where the object lives; the platform account has no such object.
 * Undefined for objects without a retrieve path (they are emitted as delivered). A failed read is
 * raised, so n8n answers 500 and Stripe delivers the event again later.
 */
export async function reReadEventObject(
	this: IWebhookFunctions,
	normalized: Pick<NormalizedEvent, 'event' | 'object'>,
): Promise<Record<string, unknown> | undefined> {
	const { object } = normalized;
	const kind = typeof object.object === 'string' ? object.object : '';
	if (!Object.hasOwn(RETRIEVE_PATH_BY_OBJECT, kind) || typeof object.id !== 'string')
		return undefined;
	const path = RETRIEVE_PATH_BY_OBJECT[kind];
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `${path}${encodeURIComponent(object.id)}`,
		stripeAccount: normalized.event.account ?? undefined,
	});
	return body as Record<string, unknown>;
}
