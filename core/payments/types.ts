/**
 * The gateway-neutral payment model. Nothing here knows about Stripe, n8n or Zapier:
 * gateway adapters (core/stripe) produce these shapes, platforms (nodes/, zapier/) show them.
 */

/** What a workflow should do next; a builder branches on it (dunning, recovery links). */
export type NextStep =
	| 'none'
	| 'retry_later'
	| 'retry_now'
	| 'ask_for_new_payment_method'
	| 'customer_must_authenticate'
	| 'do_not_retry'
	| 'fix_request'
	| 'fix_credentials'
	| 'check_permissions'
	| 'check_configuration'
	| 'look_for_earlier_payment'
	| 'wait_for_payment'
	| 'review_for_fraud';

/** The small error taxonomy every gateway error is mapped onto. */
export type PaymentErrorCategory =
	| 'card_declined'
	| 'authentication_required'
	| 'invalid_request'
	| 'authentication'
	| 'permission'
	| 'not_found'
	| 'idempotency_conflict'
	| 'conflict'
	| 'rate_limited'
	| 'gateway_unavailable'
	| 'connection'
	| 'configuration';

/** Interpreted gateway error: safe to show (no secrets), with a next step a workflow can branch on. */
export interface PaymentErrorDetails {
	category: PaymentErrorCategory;
	/** Technical, plain-language description for the builder (redacted). */
	message: string;
	/** Wording safe to show a paying customer; never reveals fraud / lost / stolen reasons. */
	userMessage: string;
	nextStep: NextStep;
	/** True when sending the same request again (same idempotency key) may succeed. */
	retryable: boolean;
	httpStatus?: number;
	/** Gateway error type, e.g. Stripe's `card_error`. */
	type?: string;
	code?: string;
	declineCode?: string;
	adviceCode?: string;
	param?: string;
	docUrl?: string;
	requestId?: string;
	/** Id of the payment the error concerns, when the gateway names one (Stripe: error.payment_intent.id). */
	paymentId?: string;
}

export type PaymentStatus =
	| 'succeeded'
	| 'processing'
	| 'requires_action'
	| 'requires_payment_method'
	| 'requires_confirmation'
	| 'requires_capture'
	| 'canceled'
	| 'failed'
	| 'pending'
	| 'refunded'
	| 'partially_refunded'
	| 'open'
	| 'expired'
	/** A checkout that completed without needing a payment (free trial, 100 % discount). */
	| 'no_payment_required'
	| 'unknown';

/** The block every money-moving output and every trigger event carries beside the raw object. */
export interface NormalizedPayment {
	gateway: 'stripe';
	/** Which kind of gateway object this describes. */
	kind: 'payment' | 'checkout' | 'refund' | 'dispute' | 'invoice' | 'subscription' | 'payment_link';
	id: string;
	status: PaymentStatus;
	/** True only when the money has arrived (or, for a refund, has been returned). */
	paid: boolean;
	/**
	 * The money that moved, as a decimal string in the currency's major unit ("12.50" for 1250 USD
	 * cents, "1250" for JPY): received for a payment intent, captured for a charge, paid for an
	 * invoice. Before any money moved it is the amount asked for (see `paid`).
	 */
	amount: string | null;
	amountMinor: number | null;
	/**
	 * What was asked for or authorised, when that can differ from `amount` (a payment intent or
	 * charge captured in part); null for other kinds.
	 */
	amountRequested: string | null;
	/** Refunded so far, when the object says (a charge, or a payment intent with its charge expanded). */
	amountRefunded: string | null;
	/** Lower-case ISO code, as Stripe sends it. */
	currency: string | null;
	customerId: string | null;
	customerEmail: string | null;
	/** The payment intent behind a checkout, refund, dispute or invoice, when known. */
	paymentId: string | null;
	nextStep: NextStep;
	/** A URL the customer can be sent to (3-D Secure redirect, hosted invoice, recovery checkout). */
	nextStepUrl: string | null;
	/** Plain-language reason when the payment failed or needs something. */
	reason: string | null;
	metadata: Record<string, string>;
	createdAt: string | null;
	livemode: boolean | null;
	/** The Stripe Connect account (acct_…) the object belongs to; null for the platform's own. */
	account: string | null;
}

/** Normalised event names the trigger offers first (guide §5). */
export type NormalizedEventName =
	| 'payment.succeeded'
	| 'payment.failed'
	| 'payment.requires_action'
	| 'checkout.completed'
	| 'checkout.expired'
	| 'refund.succeeded'
	| 'refund.failed'
	| 'dispute.created'
	| 'subscription.payment_failed'
	| 'subscription.canceled';

export interface NormalizedEvent {
	event: {
		id: string;
		type: string;
		created: number;
		livemode: boolean;
		apiVersion: string | null;
		/** Connect: the connected account (acct_…) the event happened on; null for the platform. */
		account: string | null;
	};
	/** The normalised names this delivery means (usually one; a paid checkout is checkout.completed too). */
	names: NormalizedEventName[];
	/** Null for raw events whose object is not a payment object (customer.created, payout.paid, …). */
	payment: NormalizedPayment | null;
	object: Record<string, unknown>;
	/** Extra fields for subscription dunning: attempt count, next attempt, hosted invoice URL. */
	dunning?: { attemptCount: number; nextAttemptAt: string | null; hostedInvoiceUrl: string | null };
}
