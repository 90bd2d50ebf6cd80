import type { IWebhookFunctions } from 'n8n-workflow';

import { RETRIEVE_PATH_BY_OBJECT } from '../../core/stripe/eventCatalog';
import { stripeApiRequest } from '../shared/stripeTransport';

/**
 * "Confirm with Stripe": the event's object as it is now, read with the trigger's credential.
 * Undefined for objects without a retrieve path (they are emitted as delivered). A failed read is
 * raised, so n8n answers 500 and Stripe delivers the event again later.
 */
export async function reReadEventObject(
	this: IWebhookFunctions,
	object: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
	const kind = typeof object.object === 'string' ? object.object : '';
	if (!Object.hasOwn(RETRIEVE_PATH_BY_OBJECT, kind) || typeof object.id !== 'string')
		return undefined;
	const path = RETRIEVE_PATH_BY_OBJECT[kind];
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `${path}${encodeURIComponent(object.id)}`,
	});
	return body as Record<string, unknown>;
}
