import type { Bundle, ZObject } from 'zapier-platform-core';

import type { NormalizedEvent, NormalizedEventName } from '../../../core/payments/types';
import { normalizeStripeEvent } from '../../../core/stripe/events';
import { verifyStripeSignature } from '../../../core/stripe/webhookSignature';
import { isFirstDelivery } from './dedupe';
import type { StripeSubscription } from './subscription';

/** Zapier passes the delivery's headers title-cased and prefixed with `Http-` (plain name also read). */
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
		header: headerValue(raw.headers),
		secrets: typeof secret === 'string' ? [secret] : [],
	});
	if (!check.ok) {
		throw new z.errors.Error(
			`Rejected a webhook delivery that is not proven to come from Stripe: ${check.reason}. No Zap run was started.`,
			'invalid_signature',
			check.status,
		);
	}
	let event: unknown;
	try {
		event = JSON.parse(raw.content as string);
	} catch {
		event = null;
	}
	if (!event || typeof event !== 'object' || Array.isArray(event)) {
		throw new z.errors.Error(
			'Rejected a signed webhook delivery whose body is not a Stripe event.',
			'invalid_event',
			400,
		);
	}
	return event as Record<string, unknown>;
}

/**
 * The item the n8n trigger emits for the same delivery (event, the meaning it fired for, payment,
 * object, dunning), plus `id`, which Zapier needs for samples and its own bookkeeping.
 */
export function triggerItem(
	normalized: NormalizedEvent,
	name: NormalizedEventName,
): Record<string, unknown> {
	return {
		id: normalized.event.id,
		event: normalized.event,
		names: [name],
		payment: normalized.payment,
		object: normalized.object,
		...(normalized.dunning ? { dunning: normalized.dunning } : {}),
	};
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
	return (await isFirstDelivery(z, endpointId, normalized, name))
		? [triggerItem(normalized, name)]
		: [];
}

function headerValue(headers: Record<string, string> | undefined): string | undefined {
	if (!headers) return undefined;
	const names = Object.keys(headers);
	const match =
		names.find((name) => name.toLowerCase() === SIGNATURE_HEADER) ??
		names.find((name) => name.toLowerCase() === 'stripe-signature');
	return match === undefined ? undefined : headers[match];
}
