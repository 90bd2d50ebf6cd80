import type { NextStep, NormalizedPayment, PaymentStatus } from '../payments/types';
import { blockedOutcomeRule, findDeclineRule } from './declineCodes';
import { interpretStripeError } from './errors';
import {
	basePayment,
	decimalField,
	integerField,
	moneyFields,
	idField,
	inParentheses,
	mappedStatus,
	objectField,
	textField,
	type StripeObject,
} from './normalizeFields';

/** Payment intents, charges and refunds: the objects that move money. */

const PAYMENT_INTENT_STATUSES: Readonly<Record<string, PaymentStatus>> = {
	succeeded: 'succeeded',
	processing: 'processing',
	requires_action: 'requires_action',
	requires_payment_method: 'requires_payment_method',
	requires_confirmation: 'requires_confirmation',
	requires_capture: 'requires_capture',
	canceled: 'canceled',
};

/** Where a customer can finish a `next_action` themselves, by next_action type. */
const HOSTED_ACTION_URLS: ReadonlyArray<readonly [string, string]> = [
	['redirect_to_url', 'url'],
	['display_bank_transfer_instructions', 'hosted_instructions_url'],
	['verify_with_microdeposits', 'hosted_verification_url'],
	['boleto_display_details', 'hosted_voucher_url'],
	['oxxo_display_details', 'hosted_voucher_url'],
	['konbini_display_details', 'hosted_voucher_url'],
	['multibanco_display_details', 'hosted_voucher_url'],
];

const STRIPE_JS_ONLY =
	'The bank requires the customer to authenticate (3-D Secure), and only Stripe.js can finish it for ' +
	'this payment. Send the customer a hosted Checkout Session or Payment Link instead.';

/** Next step and plain-language reason for a Stripe error object (last_payment_error, failure fields). */
export function failureFromStripeError(error: StripeObject): {
	nextStep: NextStep;
	reason: string;
} {
	const status = error.type === 'card_error' ? 402 : 400;
	const details = interpretStripeError({ status, body: { error } });
	// `reason` travels with the payment into emails and CRMs: a fraud, lost, stolen or Radar reason
	// stays out, and so does whatever Stripe's own message says about it.
	const rule = findDeclineRule(details.declineCode) ?? findDeclineRule(details.code);
	if (rule?.reviewForFraud) return { nextStep: rule.nextStep, reason: rule.message };
	return { nextStep: details.nextStep, reason: details.message };
}

/**
 * A charge Stripe blocked (`outcome.type: blocked`, never sent to the bank): the block's own rule,
 * never a bank decline, and never the risk reason in the text. Null for any other outcome.
 */
function blockedOutcome(
	charge: StripeObject | null,
): { nextStep: NextStep; reason: string } | null {
	const outcome = objectField(charge?.outcome);
	if (textField(outcome?.type) !== 'blocked') return null;
	const rule = blockedOutcomeRule(textField(outcome?.reason));
	return { nextStep: rule.nextStep, reason: rule.message };
}

export function normalizePaymentIntent(intent: StripeObject): NormalizedPayment {
	const payment = basePayment(intent, 'payment');
	const status = mappedStatus(PAYMENT_INTENT_STATUSES, intent.status);
	payment.status = status;
	payment.paid = status === 'succeeded';
	payment.paymentId = payment.id;
	payment.customerEmail = textField(intent.receipt_email) ?? payment.customerEmail;
	Object.assign(payment, intentAmounts(intent, status));
	const lastError = objectField(intent.last_payment_error);
	const latestCharge = objectField(intent.latest_charge);

	if (status === 'requires_action') {
		payment.nextStep = 'customer_must_authenticate';
		payment.nextStepUrl = hostedActionUrl(objectField(intent.next_action));
		payment.reason = payment.nextStepUrl
			? 'The customer must complete an action (such as 3-D Secure) at the given URL.'
			: STRIPE_JS_ONLY;
	} else if (status === 'requires_payment_method' && blockedOutcome(latestCharge)) {
		Object.assign(payment, blockedOutcome(latestCharge));
	} else if (status === 'requires_payment_method' && lastError) {
		Object.assign(payment, failureFromStripeError(lastError));
	} else if (status === 'requires_payment_method') {
		payment.nextStep = 'ask_for_new_payment_method';
		payment.reason = 'No payment method has been attached to this payment yet.';
	} else if (status === 'processing' || status === 'requires_confirmation') {
		payment.nextStep = 'wait_for_payment';
		payment.reason =
			status === 'processing'
				? 'The payment is being processed; the money has not arrived yet.'
				: 'The payment has not been confirmed yet.';
	} else if (status === 'requires_capture') {
		payment.reason = 'The payment is authorised but not captured: capture it to collect the money.';
	} else if (status === 'canceled') {
		payment.nextStep = 'do_not_retry';
		payment.reason = `The payment was canceled${inParentheses(intent.cancellation_reason)}.`;
	}
	return payment;
}

/**
 * Money of a payment intent: `amount` is `amount_received` once money moved (a partial capture
 * receives less than was authorised), `amount_capturable` while authorised, and the amount asked
 * for before that; `amountRequested` is always the amount asked for.
 */
function intentAmounts(
	intent: StripeObject,
	status: PaymentStatus,
): Pick<NormalizedPayment, 'amount' | 'amountMinor' | 'amountRequested' | 'amountRefunded'> {
	const received = integerField(intent.amount_received) ?? 0;
	const capturable = integerField(intent.amount_capturable) ?? 0;
	let moved: unknown = intent.amount;
	if (received > 0) moved = received;
	else if (status === 'requires_capture' && capturable > 0) moved = capturable;
	const { amount, amountMinor } = moneyFields(moved, intent.currency);
	const latestCharge = objectField(intent.latest_charge);
	return {
		amount,
		amountMinor,
		amountRequested: decimalField(intent.amount, intent.currency),
		amountRefunded: latestCharge
			? decimalField(latestCharge.amount_refunded, intent.currency)
			: null,
	};
}

function hostedActionUrl(nextAction: StripeObject | null): string | null {
	if (!nextAction) return null;
	for (const [type, field] of HOSTED_ACTION_URLS) {
		const url = textField(objectField(nextAction[type])?.[field]);
		if (url) return url;
	}
	return null;
}

export function normalizeCharge(charge: StripeObject): NormalizedPayment {
	const payment = basePayment(charge, 'payment');
	payment.paymentId = idField(charge.payment_intent) ?? payment.id;
	const billing = objectField(charge.billing_details);
	payment.customerEmail =
		textField(billing?.email) ?? textField(charge.receipt_email) ?? payment.customerEmail;
	const stripeStatus = textField(charge.status);
	const captured = charge.captured !== false;
	const refunded = integerField(charge.amount_refunded) ?? 0;
	payment.amountRequested = payment.amount;
	payment.amountRefunded = decimalField(charge.amount_refunded, charge.currency);
	if (stripeStatus === 'succeeded' && captured && integerField(charge.amount_captured) !== null) {
		// A partial capture collects less than was authorised: report what was collected.
		Object.assign(payment, moneyFields(charge.amount_captured, charge.currency));
	}

	if (stripeStatus === 'succeeded' && !captured) {
		payment.status = 'requires_capture';
		payment.reason = 'The charge is authorised but not captured: capture it to collect the money.';
	} else if (stripeStatus === 'succeeded') {
		payment.paid = charge.paid !== false;
		if (charge.refunded === true) payment.status = 'refunded';
		else payment.status = refunded > 0 ? 'partially_refunded' : 'succeeded';
	} else if (stripeStatus === 'pending') {
		payment.status = 'processing';
		payment.nextStep = 'wait_for_payment';
		payment.reason = 'The charge is pending; the money has not arrived yet.';
	} else if (stripeStatus === 'failed') {
		payment.status = 'failed';
		const outcome = objectField(charge.outcome);
		Object.assign(
			payment,
			blockedOutcome(charge) ??
				failureFromStripeError({
					type: 'card_error',
					code: charge.failure_code,
					decline_code: outcome?.reason,
					advice_code: outcome?.advice_code,
					message: charge.failure_message,
				}),
		);
	}
	return payment;
}

const REFUND_STATUSES: Readonly<Record<string, PaymentStatus>> = {
	succeeded: 'succeeded',
	pending: 'pending',
	requires_action: 'requires_action',
	failed: 'failed',
	canceled: 'canceled',
};

export function normalizeRefund(refund: StripeObject): NormalizedPayment {
	const payment = basePayment(refund, 'refund');
	const status = mappedStatus(REFUND_STATUSES, refund.status);
	payment.status = status;
	// For a refund, "paid" means the money has been returned to the customer.
	payment.paid = status === 'succeeded';
	payment.paymentId = idField(refund.payment_intent) ?? idField(refund.charge);
	if (status === 'pending' || status === 'requires_action') {
		payment.nextStep = 'wait_for_payment';
		payment.reason =
			status === 'pending'
				? 'The refund is on its way; the money has not been returned yet.'
				: 'Stripe is waiting for the customer to give refund details (for example bank details).';
	} else if (status === 'failed') {
		payment.nextStep = 'do_not_retry';
		payment.reason =
			`The refund failed${inParentheses(refund.failure_reason)}: the money was not returned. ` +
			'Return it to the customer another way.';
	} else if (status === 'canceled') {
		payment.reason = 'The refund was canceled; no money was returned.';
	}
	return payment;
}
