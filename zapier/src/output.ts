import { normalizeStripeObject, dropClientSecret } from '../../core/stripe/normalize';

/**
 * The same shape the n8n action node gives: the raw Stripe object at the top level (so `id` and
 * `url` read as in Stripe's docs), `payment` with core's gateway-neutral view on money objects,
 * and `idempotencyKey` on anything that was created. No `client_secret`: a Zap has no use for it.
 */
export function moneyOutput(
	stripeObject: Record<string, unknown>,
	idempotencyKey?: string,
): Record<string, unknown> {
	return {
		...dropClientSecret(stripeObject),
		payment: normalizeStripeObject(stripeObject),
		...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
	};
}

export function stripeOutput(
	stripeObject: Record<string, unknown>,
	idempotencyKey?: string,
): Record<string, unknown> {
	return idempotencyKey !== undefined ? { ...stripeObject, idempotencyKey } : { ...stripeObject };
}
