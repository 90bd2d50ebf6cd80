import type { NormalizedPayment, PaymentStatus } from '../payments/types';
import {
	basePayment,
	idField,
	integerField,
	isoFromUnixSeconds,
	moneyFields,
	objectField,
	textField,
	type StripeObject,
	inParentheses,
	mappedStatus,
} from './normalizeFields';

/** Invoices and subscriptions: recurring billing and its dunning. */

const INVOICE_STATUSES: Readonly<Record<string, PaymentStatus>> = {
	draft: 'pending',
	open: 'open',
	paid: 'succeeded',
	void: 'canceled',
	uncollectible: 'failed',
};

export function normalizeInvoice(invoice: StripeObject): NormalizedPayment {
	const payment = basePayment(invoice, 'invoice');
	Object.assign(payment, moneyFields(invoice.amount_due, invoice.currency));
	const status = mappedStatus(INVOICE_STATUSES, invoice.status);
	if (status === 'succeeded' && integerField(invoice.amount_paid) !== null) {
		// What was collected (credit balance and credit notes can make it less than amount_due).
		Object.assign(payment, moneyFields(invoice.amount_paid, invoice.currency));
	}
	payment.status = status;
	payment.paid = status === 'succeeded';
	payment.customerEmail = textField(invoice.customer_email) ?? payment.customerEmail;
	payment.paymentId = invoicePaymentIntent(invoice);
	const hostedUrl = textField(invoice.hosted_invoice_url);
	const attempts = integerField(invoice.attempt_count) ?? 0;

	if (status === 'open' && attempts > 0) {
		payment.nextStep = 'ask_for_new_payment_method';
		payment.nextStepUrl = hostedUrl;
		const nextAttempt = isoFromUnixSeconds(invoice.next_payment_attempt);
		payment.reason =
			`Payment failed after ${attempts} attempt${attempts === 1 ? '' : 's'}` +
			(nextAttempt ? `; Stripe retries automatically at ${nextAttempt}` : '') +
			'. Ask the customer to update their payment method on the hosted invoice page.';
	} else if (status === 'open') {
		payment.nextStep = 'wait_for_payment';
		payment.nextStepUrl = hostedUrl;
		payment.reason = 'The invoice is waiting to be paid.';
	} else if (status === 'failed') {
		payment.nextStep = 'do_not_retry';
		payment.reason = 'The invoice was marked uncollectible.';
	}
	return payment;
}

/** Older API versions name it on the invoice; newer ones list it under `payments`. */
function invoicePaymentIntent(invoice: StripeObject): string | null {
	const direct = idField(invoice.payment_intent);
	if (direct) return direct;
	const payments = objectField(invoice.payments)?.data;
	if (!Array.isArray(payments)) return null;
	for (const entry of payments) {
		const id = idField(objectField(objectField(entry)?.payment)?.payment_intent);
		if (id) return id;
	}
	return null;
}

const SUBSCRIPTION_STATUSES: Readonly<Record<string, PaymentStatus>> = {
	active: 'succeeded',
	trialing: 'pending',
	paused: 'pending',
	incomplete: 'requires_payment_method',
	past_due: 'requires_payment_method',
	unpaid: 'failed',
	incomplete_expired: 'expired',
	canceled: 'canceled',
};

export function normalizeSubscription(subscription: StripeObject): NormalizedPayment {
	const payment = basePayment(subscription, 'subscription');
	Object.assign(payment, moneyFields(recurringAmount(subscription), subscription.currency));
	const stripeStatus = textField(subscription.status) ?? '';
	payment.status = mappedStatus(SUBSCRIPTION_STATUSES, stripeStatus);
	payment.paid = stripeStatus === 'active';
	const latestInvoice = objectField(subscription.latest_invoice);
	if (latestInvoice) {
		payment.paymentId = invoicePaymentIntent(latestInvoice);
		payment.nextStepUrl = textField(latestInvoice.hosted_invoice_url);
	}
	if (stripeStatus === 'incomplete' || stripeStatus === 'past_due' || stripeStatus === 'unpaid') {
		payment.nextStep = 'ask_for_new_payment_method';
		payment.reason =
			stripeStatus === 'incomplete'
				? 'The first payment of this subscription has not succeeded yet.'
				: 'A renewal payment failed: ask the customer to update their payment method.';
	} else if (stripeStatus === 'canceled') {
		const why = objectField(subscription.cancellation_details)?.reason;
		payment.reason = `The subscription was canceled${inParentheses(why)}.`;
	}
	return payment;
}

/**
 * The amount billed each period: the sum of price × quantity, or null when the subscription alone
 * cannot say it exactly — a discount (coupon, promotion code), tax added on top of the prices
 * (Stripe Tax, exclusive or unexpanded tax rates), a tiered or metered price. Null, not a guess:
 * the upcoming invoice (Invoice → Preview) has the exact amount.
 */
function recurringAmount(subscription: StripeObject): number | null {
	const items = objectField(subscription.items)?.data;
	if (!Array.isArray(items) || items.length === 0) return null;
	if (hasDiscount(subscription) || addsTax(subscription.default_tax_rates)) return null;
	const automaticTax = objectField(subscription.automatic_tax)?.enabled === true;
	let total = 0;
	for (const entry of items) {
		const item = objectField(entry);
		const price = objectField(item?.price);
		const unitAmount = integerField(price?.unit_amount);
		const quantity = integerField(item?.quantity) ?? 1;
		if (unitAmount === null || !item || hasDiscount(item) || addsTax(item.tax_rates)) return null;
		if (objectField(price?.recurring)?.usage_type === 'metered') return null;
		if (automaticTax && price?.tax_behavior !== 'inclusive') return null;
		total += unitAmount * quantity;
	}
	return total;
}

/** `discounts` (ids or objects, API 2024+) or the older single `discount`. */
function hasDiscount(object: StripeObject): boolean {
	const discounts = object.discounts;
	return (
		(Array.isArray(discounts) && discounts.length > 0) || objectField(object.discount) !== null
	);
}

/** Tax rates that add to the price: any not known (expanded) to be inclusive. */
function addsTax(taxRates: unknown): boolean {
	if (!Array.isArray(taxRates)) return false;
	return taxRates.some((rate) => objectField(rate)?.inclusive !== true);
}
