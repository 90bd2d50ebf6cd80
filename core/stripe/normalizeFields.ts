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
	const source = objectField(value);
	if (source === null) return metadata;
	// Own enumerable string keys in Object.entries order, without building the entries array.
	for (const key in source) {
		const entry = source[key];
		if (typeof entry === 'string' && Object.hasOwn(source, key)) metadata[key] = entry;
	}
	return metadata;
}

/** The last second Date#toISOString writes with a four-digit year (9999-12-31T23:59:59Z). */
const LAST_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799;
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) =>
	String(n).padStart(2, '0'),
);

/**
 * `new Date(seconds * 1000).toISOString()`, by integer arithmetic for 1970–9999 (the Date path
 * costs about 0.6 µs, a third of normalising an event); other values take the Date path.
 */
export function isoFromUnixSeconds(value: unknown): string | null {
	const seconds = integerField(value);
	if (seconds === null) return null;
	if (seconds < 0 || seconds > LAST_FOUR_DIGIT_YEAR_SECOND) {
		return new Date(seconds * 1000).toISOString();
	}
	const days = Math.floor(seconds / 86_400);
	const secondOfDay = seconds - days * 86_400;
	// Civil date from a day count (H. Hinnant, "chrono-compatible low-level date algorithms").
	const shifted = days + 719_468;
	const era = Math.floor(shifted / 146_097);
	const dayOfEra = shifted - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1_460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365,
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
	const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	const hour = Math.floor(secondOfDay / 3_600);
	const minute = Math.floor((secondOfDay - hour * 3_600) / 60);
	const second = secondOfDay - hour * 3_600 - minute * 60;
	return (
		`${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-` +
		`${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.000Z`
	);
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

/** A decimal amount for a minor-unit field, or null when either part is missing. */
export function decimalField(minor: unknown, currency: unknown): string | null {
	return moneyFields(minor, currency).amount;
}

/** The fields every kind fills the same way; each normaliser overrides the rest. */
export function basePayment(
	object: StripeObject,
	kind: NormalizedPayment['kind'],
): NormalizedPayment {
	const money = moneyFields(object.amount, object.currency);
	return {
		gateway: 'stripe',
		kind,
		id: textField(object.id) ?? '',
		status: 'unknown',
		paid: false,
		amount: money.amount,
		amountMinor: money.amountMinor,
		amountRequested: null,
		amountRefunded: null,
		currency: money.currency,
		customerId: idField(object.customer),
		customerEmail: textField(objectField(object.customer)?.email),
		paymentId: null,
		nextStep: 'none',
		nextStepUrl: null,
		reason: null,
		metadata: metadataField(object.metadata),
		createdAt: isoFromUnixSeconds(object.created),
		livemode: typeof object.livemode === 'boolean' ? object.livemode : null,
		account: null,
	};
}
