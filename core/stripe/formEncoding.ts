import { PaymentInputError } from '../errors';

/**
 * Stripe's application/x-www-form-urlencoded bracket notation, byte for byte what the `stripe`
 * package sends: `metadata[order]=42`, `line_items[0][price_data][currency]=usd`,
 * `expand[0]=latest_charge` (indexed arrays, which Stripe reads the same as `expand[]`).
 * One deliberate difference: a null is skipped, not sent as an empty string, so a blank optional
 * field never unsets something on Stripe's side. Send '' explicitly to unset.
 */
export function encodeStripeForm(params: object | undefined): string {
	const pairs: string[] = [];
	if (params) {
		const record = params as Record<string, unknown>;
		for (const key of Object.keys(record)) appendPairs(pairs, key, record[key]);
	}
	return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: unknown): void {
	if (value === undefined || value === null) return;
	if (value instanceof Date) {
		pairs.push(`${encodeFormComponent(key)}=${Math.floor(value.getTime() / 1000)}`);
		return;
	}
	if (Array.isArray(value)) {
		value.forEach((element, index) => appendPairs(pairs, `${key}[${index}]`, element));
		return;
	}
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const child of Object.keys(record)) appendPairs(pairs, `${key}[${child}]`, record[child]);
		return;
	}
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new PaymentInputError(
			key,
			`is ${String(value)}, not a number Stripe accepts.`,
			'Pass a finite number.',
		);
	}
	pairs.push(`${encodeFormComponent(key)}=${encodeFormComponent(String(value))}`);
}

/** encodeURIComponent plus the characters qs escapes; brackets stay readable, as Stripe's SDK sends them. */
function encodeFormComponent(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%5B/g, '[')
		.replace(/%5D/g, ']');
}
