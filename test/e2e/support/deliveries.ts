import { randomBytes } from 'node:crypto';

import { emulatorControl } from '../../../scripts/lib/emulator';
import { template } from '../../emulator/fixtures';

export interface DeliveryResult {
	event: { id: string; type: string };
	deliveries: Array<{ status: number | null; error: string | null; signature: string }>;
}

export type DeliverRequest = Record<string, unknown>;

/** POST /_emulator/deliver: signs (or deliberately mis-signs) and sends one event. */
export async function deliver(emulatorUrl: string, request: DeliverRequest): Promise<DeliveryResult> {
	return await emulatorControl<DeliveryResult>(emulatorUrl, 'POST', 'deliver', request);
}

const token = () => randomBytes(12).toString('hex');

/**
 * A "sentinel": a fresh, validly signed payment_intent.succeeded (throws unless answered 200).
 * Once its execution exists, every delivery sent before it has been handled.
 */
export async function deliverSentinel(emulatorUrl: string, endpoint: string): Promise<DeliveryResult> {
	const result = await deliver(emulatorUrl, {
		endpoint,
		event: stripeEvent('payment_intent.succeeded', paymentIntentObject()),
	});
	const status = result.deliveries[0]?.status;
	if (status !== 200) throw new Error(`the sentinel delivery was answered ${status}`);
	return result;
}

/** A complete Stripe event built on Stripe's own example objects. */
export function stripeEvent(type: string, object: Record<string, unknown>): Record<string, unknown> {
	return {
		...template('event'),
		id: `evt_e2e${token()}`,
		object: 'event',
		type,
		created: Math.floor(Date.now() / 1000),
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		data: { object },
	};
}

export function paymentIntentObject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		...template('payment_intent'),
		id: `pi_e2e${token()}`,
		amount: 2500,
		amount_received: 2500,
		currency: 'usd',
		status: 'succeeded',
		livemode: false,
		...overrides,
	};
}

export function checkoutSessionObject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		...template('checkout.session'),
		id: `cs_test_e2e${token()}`,
		mode: 'payment',
		status: 'complete',
		amount_subtotal: 4200,
		amount_total: 4200,
		currency: 'eur',
		livemode: false,
		payment_intent: `pi_e2e${token()}`,
		...overrides,
	};
}
