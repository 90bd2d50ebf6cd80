import {
	checkoutSessionObject,
	paymentIntentObject,
	stripeEvent,
} from '../../e2e/support/deliveries';

export type StripeEventJson = Record<string, unknown>;

/** `count` succeeded card payments, one `payment_intent.succeeded` event each. */
export function paymentEvents(count: number): StripeEventJson[] {
	return Array.from({ length: count }, () =>
		stripeEvent('payment_intent.succeeded', paymentIntentObject()),
	);
}

/**
 * A paid card checkout as Stripe reports it: `checkout.session.completed` (payment_status paid)
 * and the `payment_intent.succeeded` of the same PaymentIntent. Both mean "payment succeeded".
 */
export function cardCheckoutPair(): {
	paymentId: string;
	events: [StripeEventJson, StripeEventJson];
} {
	const intent = paymentIntentObject({ amount: 4200, amount_received: 4200, currency: 'eur' });
	const paymentId = String(intent.id);
	const session = checkoutSessionObject({ payment_status: 'paid', payment_intent: paymentId });
	return {
		paymentId,
		events: [
			stripeEvent('checkout.session.completed', session),
			stripeEvent('payment_intent.succeeded', intent),
		],
	};
}

export const idsOf = (events: StripeEventJson[]) => events.map((event) => String(event.id));
