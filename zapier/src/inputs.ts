import { PaymentInputError } from '../../core/errors';
import { wholeNumberInRange } from '../../core/payments/wholeNumbers';

/** Readers for bundle.inputData: Zapier sends strings (or nothing) for plain fields. */

export function optionalText(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

export function requiredText(value: unknown, label: string, example: string): string {
	const text = optionalText(value);
	if (text === undefined)
		throw new PaymentInputError(label, 'is empty.', `Enter a value such as ${example}.`);
	return text;
}

/** A Stripe id of the expected kind (`cus_`, `pm_`, `pi_`…), refused early with a clear message. */
export function stripeId(value: unknown, label: string, prefixes: string[]): string {
	const id = requiredText(value, label, `${prefixes[0]}123`);
	if (!prefixes.some((prefix) => id.startsWith(prefix))) {
		throw new PaymentInputError(
			label,
			`"${id.slice(0, 40)}" is not a ${prefixes.join(' or ')}… id.`,
			`Map the id field from an earlier step (it starts with ${prefixes.join(' or ')}).`,
		);
	}
	return id;
}

/** Zapier's dict fields arrive as an object of strings; Stripe metadata is the same shape. */
export function metadataOf(value: unknown): Record<string, string> | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([key]) => key.trim() !== '')
		.map(([key, entry]) => [
			key.trim(),
			entry === null || entry === undefined ? '' : String(entry),
		]);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function positiveInteger(value: unknown, label: string, fallback: number): number {
	const text = optionalText(value);
	if (text === undefined) return fallback;
	return wholeNumberInRange(text, label, { min: 1 });
}
