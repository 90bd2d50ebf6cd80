import { PaymentInputError } from '../errors';

/**
 * What a null becomes. `omit` (the default, every operation): skipped, so a blank optional field
 * never unsets something on Stripe's side. `empty`: sent as `key=` — Stripe's way to unset
 * (`metadata[order]=` removes one key, `metadata=` all); chosen only where the user writes the
 * parameters themselves (Custom API Call JSON), where `null` means "unset".
 */
export type NullEncoding = 'omit' | 'empty';

/**
 * Stripe's application/x-www-form-urlencoded bracket notation, byte for byte what the `stripe`
 * package sends: `metadata[order]=42`, `line_items[0][price_data][currency]=usd`,
 * `expand[0]=latest_charge` (indexed arrays, which Stripe reads the same as `expand[]`), and a null
 * as `key=` with `nulls: 'empty'` (the package's own behaviour). By default a null is skipped.
 */
export function encodeStripeForm(
	params: object | undefined,
	options: { nulls?: NullEncoding } = {},
): string {
	const pairs: string[] = [];
	const nulls = options.nulls ?? 'omit';
	if (params) {
		const record = params as Record<string, unknown>;
		for (const key of Object.keys(record)) appendPairs(pairs, key, record[key], nulls);
	}
	return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: unknown, nulls: NullEncoding): void {
	if (value === undefined) return;
	if (value === null) {
		if (nulls === 'empty') pairs.push(`${encodeFormComponent(key)}=`);
		return;
	}
	if (value instanceof Date) {
		pairs.push(`${encodeFormComponent(key)}=${Math.floor(value.getTime() / 1000)}`);
		return;
	}
	if (Array.isArray(value)) {
		value.forEach((element, index) => appendPairs(pairs, `${key}[${index}]`, element, nulls));
		return;
	}
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const child of Object.keys(record)) {
			appendPairs(pairs, `${key}[${child}]`, record[child], nulls);
		}
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
