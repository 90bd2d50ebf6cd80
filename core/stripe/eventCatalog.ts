import type { NormalizedEventName } from '../payments/types';
import type { StripeEventType } from './eventTypes.generated';

/**
 * The normalised events of GUIDE §5 as data: which raw Stripe event types make up each one, under
 * which condition on the delivered object, and what must still hold when the object is re-read
 * ("Confirm with Stripe"). events.ts interprets this table; the trigger and the Zapier app only
 * read it.
 */

/** A condition on one (dotted) field of a Stripe object. */
export interface FieldCondition {
	field: string;
	in: readonly string[];
}

export interface NormalizedEventSource {
	name: NormalizedEventName;
	stripeType: StripeEventType;
	/** The delivered object must satisfy this (every one, for a list), or the event does not mean `name`. */
	when?: FieldCondition | readonly FieldCondition[];
	/** With "Confirm with Stripe", the object re-read from Stripe must still satisfy this. */
	stillTrue?: FieldCondition | readonly FieldCondition[];
	/**
	 * At most one emission of `name` per payment (`payment`: the payment intent the object names,
	 * see onceKeysOf) or per object (`object`), however many Stripe events say so.
	 */
	oncePer?: 'payment' | 'object';
}

export interface NormalizedEventInfo {
	name: NormalizedEventName;
	displayName: string;
	description: string;
}

const PAID = { field: 'payment_status', in: ['paid'] } as const;
/**
 * Only a payment-mode session names the payment intent that took the money. A subscription-mode
 * session has `payment_intent: null` (its money is the first invoice's payment, reported by that
 * payment intent's own payment_intent.succeeded), and a setup-mode one takes no money at all.
 */
const PAID_PAYMENT_CHECKOUT = [PAID, { field: 'mode', in: ['payment'] }] as const;
const INTENT_SUCCEEDED = { field: 'status', in: ['succeeded'] } as const;

/** Billing reasons of invoices a subscription raised (the invoice's subscription link moved in 2025). */
const SUBSCRIPTION_INVOICE = {
	field: 'billing_reason',
	in: [
		'subscription',
		'subscription_create',
		'subscription_cycle',
		'subscription_update',
		'subscription_threshold',
	],
} as const;

export const NORMALIZED_EVENT_SOURCES: readonly NormalizedEventSource[] = [
	{
		name: 'payment.succeeded',
		stripeType: 'payment_intent.succeeded',
		stillTrue: INTENT_SUCCEEDED,
		oncePer: 'payment',
	},
	{
		name: 'payment.succeeded',
		stripeType: 'checkout.session.completed',
		when: PAID_PAYMENT_CHECKOUT,
		stillTrue: PAID,
		oncePer: 'payment',
	},
	{
		name: 'payment.succeeded',
		stripeType: 'checkout.session.async_payment_succeeded',
		when: PAID_PAYMENT_CHECKOUT,
		stillTrue: PAID,
		oncePer: 'payment',
	},
	{
		name: 'payment.failed',
		stripeType: 'payment_intent.payment_failed',
		stillTrue: { field: 'status', in: ['requires_payment_method', 'canceled'] },
	},
	{
		name: 'payment.failed',
		stripeType: 'checkout.session.async_payment_failed',
		stillTrue: { field: 'payment_status', in: ['unpaid'] },
	},
	{
		name: 'payment.requires_action',
		stripeType: 'payment_intent.requires_action',
		stillTrue: { field: 'status', in: ['requires_action'] },
	},
	{ name: 'checkout.completed', stripeType: 'checkout.session.completed' },
	{
		name: 'checkout.expired',
		stripeType: 'checkout.session.expired',
		stillTrue: { field: 'status', in: ['expired'] },
	},
	{
		name: 'refund.succeeded',
		stripeType: 'refund.created',
		when: { field: 'status', in: ['succeeded'] },
		stillTrue: { field: 'status', in: ['succeeded'] },
		oncePer: 'object',
	},
	{
		name: 'refund.succeeded',
		stripeType: 'refund.updated',
		when: { field: 'status', in: ['succeeded'] },
		stillTrue: { field: 'status', in: ['succeeded'] },
		oncePer: 'object',
	},
	{
		name: 'refund.failed',
		stripeType: 'refund.failed',
		stillTrue: { field: 'status', in: ['failed'] },
		oncePer: 'object',
	},
	{ name: 'dispute.created', stripeType: 'charge.dispute.created' },
	{
		name: 'subscription.payment_failed',
		stripeType: 'invoice.payment_failed',
		when: SUBSCRIPTION_INVOICE,
		stillTrue: { field: 'status', in: ['open', 'uncollectible'] },
	},
	{
		name: 'subscription.canceled',
		stripeType: 'customer.subscription.deleted',
		stillTrue: { field: 'status', in: ['canceled'] },
	},
];

/** In the order the trigger offers them. */
export const NORMALIZED_EVENTS: readonly NormalizedEventInfo[] = [
	{
		name: 'payment.succeeded',
		displayName: 'Payment Succeeded',
		description:
			'The money arrived: once per payment (first and renewal payments of subscriptions included), never for an unpaid checkout',
	},
	{
		name: 'payment.failed',
		displayName: 'Payment Failed',
		description: 'A payment attempt failed, with the reason in plain language and the next step',
	},
	{
		name: 'payment.requires_action',
		displayName: 'Payment Requires Action',
		description: 'The customer must authenticate (3-D Secure) before the payment can go through',
	},
	{
		name: 'checkout.completed',
		displayName: 'Checkout Completed',
		description: 'A customer finished a hosted checkout, paid or not yet paid (see payment.paid)',
	},
	{
		name: 'checkout.expired',
		displayName: 'Checkout Expired',
		description: 'A hosted checkout expired unpaid (abandoned cart)',
	},
	{
		name: 'refund.succeeded',
		displayName: 'Refund Succeeded',
		description: 'A refund went through: once per refund',
	},
	{ name: 'refund.failed', displayName: 'Refund Failed', description: 'A refund failed' },
	{
		name: 'dispute.created',
		displayName: 'Dispute Created',
		description: 'A customer disputed a payment (chargeback)',
	},
	{
		name: 'subscription.payment_failed',
		displayName: 'Subscription Payment Failed',
		description:
			'A subscription invoice could not be charged, with attempt count, next attempt and hosted invoice URL',
	},
	{
		name: 'subscription.canceled',
		displayName: 'Subscription Canceled',
		description: 'A subscription ended',
	},
];

/**
 * The API path that re-reads the object of an event, by the object's `object` field; objects not
 * listed here are emitted as delivered even with "Confirm with Stripe" on.
 */
export const RETRIEVE_PATH_BY_OBJECT: Readonly<Record<string, string>> = {
	payment_intent: '/v1/payment_intents/',
	'checkout.session': '/v1/checkout/sessions/',
	refund: '/v1/refunds/',
	dispute: '/v1/disputes/',
	invoice: '/v1/invoices/',
	subscription: '/v1/subscriptions/',
	charge: '/v1/charges/',
};
