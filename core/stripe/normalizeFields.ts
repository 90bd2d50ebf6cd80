import { fromMinorUnits } from '../payments/amounts';
import type { NormalizedPayment, PaymentStatus } from '../payments/types';

/**
 * Readers for Stripe objects as they arrive (parsed JSON, any API version): every field is checked,
 * nothing is trusted to have the type the docs promise, and ids are read whether or not expanded.
 */

export type StripeObject = Record<string, unknown>;

export function textField(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

export function integerField(value: unknown): number | null {
	return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

export function objectField(value: unknown): StripeObject | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as StripeObject)
		: null;
}

/** The id of a field that is either an id string or an expanded object (`customer`, `payment_intent`). */
export function idField(value: unknown): string | null {
	return textField(value) ?? textField(objectField(value)?.id);
}

/** Stripe metadata is string → string; anything else is dropped rather than guessed. */
export function metadataField(value: unknown): Record<string, string> {
	const metadata: Record<string, string> = {};
	for (const [key, entry] of Object.entries(objectField(value) ?? {})) {
		if (typeof entry === 'string') metadata[key] = entry;
	}
	return metadata;
}

export function isoFromUnixSeconds(value: unknown): string | null {
	const seconds = integerField(value);
	return seconds === null ? null : new Date(seconds * 1000).toISOString();
}

/** Our status for a Stripe status through a table; anything Stripe adds later reads as 'unknown'. */
export function mappedStatus(
	table: Readonly<Record<string, PaymentStatus>>,
	stripeStatus: unknown,
): PaymentStatus {
	const key = textField(stripeStatus);
	return key !== null && Object.hasOwn(table, key) ? table[key] : 'unknown';
}

/** " (expired or canceled card)" for a Stripe code such as `expired_or_canceled_card`; "" for none. */
export function inParentheses(code: unknown): string {
	const text = textField(code);
	return text ? ` (${text.replace(/_/g, ' ')})` : '';
}

/** Amount block from minor units; the decimal form needs a known currency. */
export function moneyFields(
	minor: unknown,
	currency: unknown,
): Pick<NormalizedPayment, 'amount' | 'amountMinor' | 'currency'> {
	const amountMinor = integerField(minor);
	const code = textField(currency)?.toLowerCase() ?? null;
	const amount = amountMinor !== null && code !== null ? fromMinorUnits(amountMinor, code) : null;
	return { amount, amountMinor, currency: code };
}

/** The fields every kind fills the same way; each normaliser overrides the rest. */
export function basePayment(
	object: StripeObject,
	kind: NormalizedPayment['kind'],
): NormalizedPayment {
	return {
		gateway: 'stripe',
		kind,
		id: textField(object.id) ?? '',
		status: 'unknown',
		paid: false,
		...moneyFields(object.amount, object.currency),
		customerId: idField(object.customer),
		customerEmail: textField(objectField(object.customer)?.email),
		paymentId: null,
		nextStep: 'none',
		nextStepUrl: null,
		reason: null,
		metadata: metadataField(object.metadata),
		createdAt: isoFromUnixSeconds(object.created),
		livemode: typeof object.livemode === 'boolean' ? object.livemode : null,
	};
}
