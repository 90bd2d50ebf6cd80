import type { Bundle, ZObject } from 'zapier-platform-core';

import { PaymentError, PaymentInputError } from '../../../core/errors';
import { customIdempotencyKey } from '../../../core/idempotency';
import type { NormalizedEventName } from '../../../core/payments/types';
import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { enabledEventsFor } from '../../../core/stripe/events';
import { stripeCall } from '../transport';

/** What Zapier keeps for a subscribed Zap and hands back as bundle.subscribeData. */
export interface StripeSubscription {
	id: string;
	/** The endpoint's signing secret: Stripe shows it only in the creation response. */
	secret: string;
}

/**
 * One Stripe webhook endpoint per subscribed Zap: for Zapier's target URL, pinned to the API
 * version the normaliser reads, listening to the fewest raw events that make up the trigger's
 * normalised event. The idempotency key is the target URL's, so a subscribe Zapier retries finds
 * Stripe's first answer (secret included) instead of leaving a second endpoint behind.
 */
export async function subscribeEndpoint(
	z: ZObject,
	bundle: Bundle,
	trigger: { key: string; name: NormalizedEventName; label: string },
): Promise<StripeSubscription> {
	const targetUrl = bundle.targetUrl?.trim();
	if (!targetUrl) {
		throw new PaymentInputError(
			'targetUrl',
			'is missing from the subscribe request.',
			'Turn the Zap off and on again.',
		);
	}
	const zapId = bundle.meta?.zap?.id;
	const result = await stripeCall(z, bundle, {
		method: 'POST',
		path: '/v1/webhook_endpoints',
		idempotencyKey: customIdempotencyKey('zapier_subscribe', targetUrl),
		params: {
			url: targetUrl,
			enabled_events: enabledEventsFor([trigger.name]),
			api_version: STRIPE_API_VERSION,
			description: `Paywire for Zapier: ${trigger.label}`,
			metadata: {
				created_by: 'paywire-zapier',
				trigger: trigger.key,
				zap_id: zapId ? String(zapId) : undefined,
			},
		},
	});
	const { id, secret } = result.body;
	if (typeof id !== 'string' || typeof secret !== 'string' || secret === '') {
		throw new PaymentInputError(
			'webhook endpoint',
			'was created, but Stripe’s answer held no signing secret, so deliveries could not be verified.',
			'Turn the Zap off and on again; if it repeats, check the API base URL.',
		);
	}
	return { id, secret };
}

/** Deletes the Zap's endpoint. One that is already gone counts as unsubscribed. */
export async function unsubscribeEndpoint(
	z: ZObject,
	bundle: Bundle,
): Promise<{ id: string; deleted: true }> {
	const id = (bundle.subscribeData as Partial<StripeSubscription> | undefined)?.id;
	if (typeof id !== 'string' || !id.startsWith('we_')) {
		throw new PaymentInputError(
			'subscribeData.id',
			'is not a Stripe webhook endpoint id (we_…).',
			'Delete the endpoint in the Stripe Dashboard.',
		);
	}
	try {
		await stripeCall(z, bundle, {
			method: 'DELETE',
			path: `/v1/webhook_endpoints/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (!(error instanceof PaymentError && error.details.category === 'not_found')) throw error;
	}
	return { id, deleted: true };
}
