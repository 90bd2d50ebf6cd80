import { randomUUID } from 'node:crypto';

import type { Bundle, ZObject } from 'zapier-platform-core';

import { PaymentError, PaymentInputError } from '../../../core/errors';
import { customIdempotencyKey } from '../../../core/idempotency';
import type { NormalizedEventName } from '../../../core/payments/types';
import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { enabledEventsFor } from '../../../core/stripe/events';
import { stripeCall } from '../transport';

/** Marks the endpoints this app made, so it only ever deletes its own. */
const CREATED_BY = 'paywire-zapier';

/** What Zapier keeps for a subscribed Zap and hands back as bundle.subscribeData. */
export interface StripeSubscription {
	id: string;
	/** The endpoint's signing secret: Stripe shows it only in the creation response. */
	secret: string;
}

/**
 * One Stripe webhook endpoint per subscribed Zap: for Zapier's target URL, pinned to the API
 * version the normaliser reads, listening to the fewest raw events that make up the trigger's
 * normalised event. An endpoint Paywire made earlier for the same target URL (a subscribe whose
 * answer was lost, then retried by Zapier) is deleted first: its secret is unknown, so it could
 * only ever deliver rejected events, and it would count against Stripe's 16 endpoints.
 * The idempotency key is new for each subscribe: a key derived from the target URL alone would
 * make Stripe replay an endpoint deleted by an earlier unsubscribe of the same URL.
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
	await deleteEarlierEndpoints(z, bundle, targetUrl);
	const zapId = bundle.meta?.zap?.id;
	const result = await stripeCall(z, bundle, {
		method: 'POST',
		path: '/v1/webhook_endpoints',
		idempotencyKey: customIdempotencyKey('zapier_subscribe', randomUUID()),
		params: {
			url: targetUrl,
			enabled_events: enabledEventsFor([trigger.name]),
			api_version: STRIPE_API_VERSION,
			description: `Paywire for Zapier: ${trigger.label}`,
			metadata: {
				created_by: CREATED_BY,
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

async function deleteEarlierEndpoints(
	z: ZObject,
	bundle: Bundle,
	targetUrl: string,
): Promise<void> {
	// Stripe allows 16 endpoints per account, so one page holds them all.
	const list = await stripeCall(z, bundle, {
		method: 'GET',
		path: '/v1/webhook_endpoints',
		params: { limit: 100 },
	});
	const endpoints = Array.isArray(list.body.data)
		? (list.body.data as Record<string, unknown>[])
		: [];
	for (const endpoint of endpoints) {
		const metadata = (endpoint.metadata ?? {}) as Record<string, unknown>;
		if (endpoint.url === targetUrl && metadata.created_by === CREATED_BY) {
			await deleteEndpoint(z, bundle, String(endpoint.id));
		}
	}
}

async function deleteEndpoint(z: ZObject, bundle: Bundle, id: string): Promise<void> {
	try {
		await stripeCall(z, bundle, {
			method: 'DELETE',
			path: `/v1/webhook_endpoints/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (!(error instanceof PaymentError && error.details.category === 'not_found')) throw error;
	}
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
	await deleteEndpoint(z, bundle, id);
	return { id, deleted: true };
}
