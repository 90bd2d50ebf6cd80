import Stripe from 'stripe';

/** Small Stripe events of each kind the triggers read, and deliveries signed the way Stripe signs. */

export const SECRET = 'whsec_test_secret';

const intent = (status: string) => ({
	id: 'pi_1',
	object: 'payment_intent',
	amount: 1999,
	amount_received: status === 'succeeded' ? 1999 : 0,
	currency: 'usd',
	customer: 'cus_1',
	status,
	metadata: { order_id: '42' },
	created: 1767225600,
	livemode: false,
	last_payment_error:
		status === 'requires_payment_method'
			? { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' }
			: null,
});

const session = (status: string, paymentStatus: string) => ({
	id: 'cs_test_1',
	object: 'checkout.session',
	mode: 'payment',
	status,
	payment_status: paymentStatus,
	amount_total: 1999,
	currency: 'usd',
	payment_intent: 'pi_1',
	customer_details: { email: 'jane@example.com' },
	metadata: { order_id: '42' },
	created: 1767225600,
	livemode: false,
});

export const OBJECTS: Record<string, Record<string, unknown>> = {
	'payment_intent.succeeded': intent('succeeded'),
	'payment_intent.payment_failed': intent('requires_payment_method'),
	'checkout.session.completed': session('complete', 'paid'),
	'checkout.session.async_payment_succeeded': session('complete', 'paid'),
	'checkout.session.expired': session('expired', 'unpaid'),
	'refund.created': {
		id: 're_1',
		object: 'refund',
		amount: 500,
		currency: 'usd',
		status: 'succeeded',
		payment_intent: 'pi_1',
		created: 1767225600,
	},
	'charge.dispute.created': {
		id: 'dp_1',
		object: 'dispute',
		amount: 1999,
		currency: 'usd',
		status: 'needs_response',
		payment_intent: 'pi_1',
		reason: 'fraudulent',
		created: 1767225600,
	},
	'invoice.payment_failed': {
		id: 'in_1',
		object: 'invoice',
		status: 'open',
		billing_reason: 'subscription_cycle',
		amount_due: 1999,
		amount_paid: 0,
		amount_remaining: 1999,
		currency: 'usd',
		customer: 'cus_1',
		customer_email: 'jane@example.com',
		attempt_count: 2,
		next_payment_attempt: 1767484800,
		hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1/test_1',
		created: 1767225600,
	},
};

export function stripeEvent(
	type: string,
	id = `evt_${type.replace(/\W/g, '_')}`,
	object = OBJECTS[type],
) {
	return {
		id,
		object: 'event',
		type,
		api_version: '2026-10-28.endive',
		created: 1767225600,
		livemode: false,
		data: { object },
	};
}

/** A delivery as Zapier hands it to perform: the raw body and the Http- prefixed headers. */
export function signedDelivery(
	event: object,
	options: { secret?: string; timestamp?: number; tamper?: boolean; omitHeader?: boolean } = {},
) {
	const payload = JSON.stringify(event, null, 2);
	const header = Stripe.webhooks.generateTestHeaderString({
		payload,
		secret: options.secret ?? SECRET,
		timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
	});
	const content = options.tamper ? payload.replace('1999', '1') : payload;
	return {
		rawRequest: {
			method: 'POST' as const,
			headers: options.omitHeader
				? {}
				: { 'Http-Stripe-Signature': header, 'Http-Content-Type': 'application/json' },
			content,
		},
		cleanedRequest: JSON.parse(content) as object,
	};
}
