import type { Bundle, ZObject } from 'zapier-platform-core';

import type { NormalizedEvent, NormalizedEventName } from '../../../core/payments/types';
import { normalizeStripeEvent } from '../../../core/stripe/events';
import { verifyStripeSignature } from '../../../core/stripe/webhookSignature';
import { isFirstDelivery } from './dedupe';
import type { StripeSubscription } from './subscription';

/** Zapier passes the delivery's headers title-cased and prefixed with `Http-`. */
const SIGNATURE_HEADER = 'http-stripe-signature';

/**
 * A webhook delivery, verified before anything else reads it: the Stripe-Signature header is
 * checked over bundle.rawRequest.content, the body exactly as received (Zapier hands it over as
 * text; Stripe sends UTF-8 JSON, whose bytes that text reproduces). No secret, no header, a bad
 * or stale signature: the delivery is rejected with an error and no item reaches the Zap.
 */
export function verifiedEvent(z: ZObject, bundle: Bundle): Record<string, unknown> {
	const raw = bundle.rawRequest ?? {};
	const secret = (bundle.subscribeData as Partial<StripeSubscription> | undefined)?.secret;
	const check = verifyStripeSignature({
		rawBody: typeof raw.content === 'string' ? raw.content : '',
		header: headerValue(raw.headers, SIGNATURE_HEADER),
		secrets: typeof secret === 'string' ? [secret] : [],
	});
	if (!check.ok) {
		throw new z.errors.Error(
			`Rejected a webhook delivery that is not proven to come from Stripe: ${check.reason}. No Zap run was started.`,
			'invalid_signature',
			check.status,
		);
	}
	const event = JSON.parse(raw.content as string) as unknown;
	if (!event || typeof event !== 'object' || Array.isArray(event)) {
		throw new z.errors.Error(
			'Rejected a signed webhook delivery whose body is not a Stripe event.',
			'invalid_event',
			400,
		);
	}
	return event as Record<string, unknown>;
}

/** What every Paywire trigger outputs: core's normalised event, plus `id` (Zapier needs one). */
export function triggerItem(normalized: NormalizedEvent): Record<string, unknown> {
	return { id: normalized.event.id, ...normalized };
}

/**
 * The delivery as zero or one items: verified first, then only an event that means this trigger's
 * normalised event, and only the first delivery of that meaning.
 */
export async function deliveryItems(
	z: ZObject,
	bundle: Bundle,
	name: NormalizedEventName,
): Promise<Record<string, unknown>[]> {
	const normalized = normalizeStripeEvent(verifiedEvent(z, bundle));
	if (!normalized.names.includes(name)) return [];
	const endpointId = (bundle.subscribeData as Partial<StripeSubscription>).id ?? 'unknown';
	return (await isFirstDelivery(z, endpointId, normalized, name)) ? [triggerItem(normalized)] : [];
}

function headerValue(
	headers: Record<string, string> | undefined,
	wanted: string,
): string | undefined {
	if (!headers) return undefined;
	const match = Object.keys(headers).find((name) => name.toLowerCase() === wanted);
	return match === undefined ? undefined : headers[match];
}
