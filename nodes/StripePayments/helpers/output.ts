import type { IDataObject } from 'n8n-workflow';

import { normalizeStripeObject, dropClientSecret } from '../../../core/stripe/normalize';

/**
 * Output shape, the same for every operation: the raw Stripe object at the top level (so
 * `{{ $json.id }}` and `{{ $json.url }}` work as in Stripe's docs), plus Paywire's additions:
 * - `payment`: the gateway-neutral NormalizedPayment, on money objects (payment intents,
 *   checkout sessions, refunds, payment links, invoices);
 * - `idempotencyKey`: the key sent, on every POST.
 * `client_secret` is removed from the answer (core's dropClientSecret) unless the operation exists to hand it
 * to Stripe.js (Create for On-Session Payment).
 * Stripe objects have no `payment` or `idempotencyKey` field of their own.
 */
export function moneyOutput(
	stripeObject: IDataObject,
	idempotencyKey?: string,
	options: { keepClientSecret?: boolean } = {},
): IDataObject {
	return {
		...(options.keepClientSecret ? stripeObject : dropClientSecret(stripeObject)),
		payment: normalizeStripeObject(stripeObject) as unknown as IDataObject,
		...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
	};
}

/** Non-money objects (customers, payment methods, events): raw object, plus the key of a POST. */
export function stripeOutput(stripeObject: IDataObject, idempotencyKey?: string): IDataObject {
	return idempotencyKey !== undefined ? { ...stripeObject, idempotencyKey } : { ...stripeObject };
}
