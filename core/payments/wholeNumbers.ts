import { PaymentInputError } from '../errors';

/**
 * Counts Stripe takes as integers (a line item's quantity, a list limit) and counts of our own
 * (concurrency) are refused unless they are whole numbers in range: 2.9 is never silently turned
 * into 2 — a quantity rounded down under-charges, rounded up over-charges. Numbers and digit-only
 * text ("3", as Zapier sends) are accepted; anything else names the field and the fix.
 */
export function wholeNumberInRange(
	value: unknown,
	field: string,
	range: { min: number; max?: number },
): number {
	const text = typeof value === 'string' ? value.trim() : value;
	const number = typeof text === 'number' ? text : /^\d+$/.test(String(text)) ? Number(text) : NaN;
	const shown = typeof text === 'string' ? `"${text.slice(0, 20)}"` : String(text);
	const expected =
		range.max === undefined
			? `a whole number of ${range.min} or more`
			: `a whole number from ${range.min} to ${range.max}`;
	const example =
		range.max === undefined
			? `${range.min}, ${range.min + 1}, ${range.min + 2}…`
			: String(range.min);
	if (
		(typeof text !== 'number' && typeof text !== 'string') ||
		!Number.isSafeInteger(number) ||
		number < range.min ||
		(range.max !== undefined && number > range.max)
	) {
		throw new PaymentInputError(field, `is ${shown}, not ${expected}.`, `Enter ${example}`);
	}
	return number;
}

/** A quantity: a positive whole number (Stripe takes integers; fractions are never rounded). */
export function positiveQuantity(value: unknown, field: string): number {
	return wholeNumberInRange(value, field, { min: 1 });
}
