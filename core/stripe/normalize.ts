import { PaymentInputError } from '../errors';
import type { NormalizedPayment, PaymentStatus } from '../payments/types';
import { normalizeInvoice, normalizeSubscription } from './normalizeBilling';
import {
	basePayment,
	idField,
	isoFromUnixSeconds,
	moneyFields,
	objectField,
	textField,
	type StripeObject,
	mappedStatus,
} from './normalizeFields';
import { normalizeCharge, normalizePaymentIntent, normalizeRefund } from './normalizePayments';

/**
 * One gateway-neutral view (NormalizedPayment) of every Stripe object a workflow meets. `paid` is
 * true only when the money has arrived (for a refund: has been returned); `nextStep` says what to do.
 */

const NORMALIZERS: Readonly<Record<string, (object: StripeObject) => NormalizedPayment>> = {
	payment_intent: normalizePaymentIntent,
	'checkout.session': normalizeCheckoutSession,
	refund: normalizeRefund,
	charge: normalizeCharge,
	dispute: normalizeDispute,
	invoice: normalizeInvoice,
	subscription: normalizeSubscription,
	payment_link: normalizePaymentLink,
};

export const NORMALIZED_OBJECT_TYPES = Object.keys(NORMALIZERS);

export function normalizeStripeObject(object: Record<string, unknown>): NormalizedPayment {
	const type = textField(object?.object) ?? '';
	const normalize = NORMALIZERS[type];
	if (!normalize) {
		throw new PaymentInputError(
			'object',
			`a Stripe object of type ${JSON.stringify(type.slice(0, 40))} is not a payment object.`,
			`Pass one of: ${NORMALIZED_OBJECT_TYPES.join(', ')}.`,
		);
	}
	return normalize(object);
}

/** Fields that may hold an expanded object carrying its own client_secret. */
const SECRET_HOLDERS = [
	'payment_intent',
	'setup_intent',
	'pending_setup_intent',
	'confirmation_secret',
	'source',
] as const;

/**
 * Blanks `client_secret` (sets it to undefined: serialised outputs have no such key) on a Stripe
 * object and on the expanded objects that may carry one (a session's payment_intent, an invoice's
 * confirmation_secret, …), and returns the object. That secret lets anyone holding it and the
 * publishable key confirm the payment in a browser; a workflow has no use for it, except the one
 * operation that creates a payment for Stripe.js, which keeps it on purpose. In place, and not by
 * `delete`: this runs on every webhook delivery, and copying the object or deleting a property
 * (which turns it into a slow dictionary) cost a quarter of normalising it; blanking costs ~4 %.
 */
export function dropClientSecret<T extends Record<string, unknown>>(object: T): T {
	blankClientSecret(object);
	for (const field of SECRET_HOLDERS) {
		const child = objectField(object[field]);
		if (child !== null) blankClientSecret(child);
	}
	return object;
}

function blankClientSecret(object: Record<string, unknown>): void {
	if (object.client_secret !== undefined) object.client_secret = undefined;
}

function normalizeCheckoutSession(session: StripeObject): NormalizedPayment {
	const payment = basePayment(session, 'checkout');
	Object.assign(payment, moneyFields(session.amount_total, session.currency));
	payment.paymentId = idField(session.payment_intent);
	payment.customerEmail =
		textField(objectField(session.customer_details)?.email) ??
		textField(session.customer_email) ??
		payment.customerEmail;
	const paymentStatus = textField(session.payment_status);
	payment.paid = paymentStatus === 'paid';

	switch (textField(session.status)) {
		case 'open':
			payment.status = 'open';
			payment.nextStep = 'wait_for_payment';
			payment.nextStepUrl = textField(session.url);
			payment.reason = 'The customer has not finished checkout yet.';
			break;
		case 'expired': {
			payment.status = 'expired';
			const recovery = objectField(objectField(session.after_expiration)?.recovery);
			payment.nextStepUrl = textField(recovery?.url);
			payment.reason = 'The checkout expired without payment.';
			break;
		}
		case 'complete':
			if (paymentStatus === 'paid') {
				payment.status = 'succeeded';
			} else if (paymentStatus === 'no_payment_required') {
				payment.status = 'no_payment_required';
				payment.reason = 'Checkout finished without a payment (for example a free trial).';
			} else {
				// Delayed methods (bank debits): the paid signal is checkout.session.async_payment_succeeded.
				payment.status = 'processing';
				payment.nextStep = 'wait_for_payment';
				payment.reason =
					'Checkout finished but the money has not arrived yet (a delayed payment method). ' +
					'Wait for the payment to succeed before fulfilling.';
			}
			break;
		default:
			payment.status = 'unknown';
	}
	return payment;
}

const DISPUTE_STATUSES: Readonly<Record<string, PaymentStatus>> = {
	warning_needs_response: 'requires_action',
	needs_response: 'requires_action',
	warning_under_review: 'processing',
	under_review: 'processing',
	won: 'succeeded',
	lost: 'failed',
	warning_closed: 'canceled',
	prevented: 'canceled',
};

/** A dispute is money at risk, so it is never `paid`; a response with evidence is due by a date. */
function normalizeDispute(dispute: StripeObject): NormalizedPayment {
	const payment = basePayment(dispute, 'dispute');
	payment.status = mappedStatus(DISPUTE_STATUSES, dispute.status);
	payment.paymentId = idField(dispute.payment_intent) ?? idField(dispute.charge);
	const chargeCustomer = objectField(dispute.charge)?.customer;
	payment.customerId = payment.customerId ?? idField(chargeCustomer);
	if (payment.status === 'requires_action') {
		const dueBy = isoFromUnixSeconds(objectField(dispute.evidence_details)?.due_by);
		const why = textField(dispute.reason)?.replace(/_/g, ' ') ?? 'unknown';
		payment.nextStep = 'review_for_fraud';
		payment.nextStepUrl = `https://dashboard.stripe.com/${payment.livemode ? '' : 'test/'}disputes/${payment.id}`;
		payment.reason =
			`The customer disputed this payment (reason: ${why}). Respond with evidence` +
			(dueBy ? ` by ${dueBy}` : '') +
			' or accept the dispute.';
	} else if (payment.status === 'failed') {
		payment.reason = 'The dispute was lost: the money went back to the customer.';
	}
	return payment;
}

function normalizePaymentLink(link: StripeObject): NormalizedPayment {
	const payment = basePayment(link, 'payment_link');
	payment.status = link.active === false ? 'canceled' : 'open';
	payment.nextStepUrl = link.active === false ? null : textField(link.url);
	return payment;
}
