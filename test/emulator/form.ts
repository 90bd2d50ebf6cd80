/**
 * Parses Stripe's application/x-www-form-urlencoded bodies (and query strings) with bracket notation:
 * `metadata[order]=42`, `line_items[0][price_data][currency]=usd`, `expand[]=line_items`.
 * Objects whose keys are all array indexes become arrays, ordered by index, as Stripe reads them.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

export function parseForm(text: string): FormParams {
	const root: FormParams = {};
	if (!text) return root;
	for (const pair of text.split('&')) {
		if (!pair) continue;
		const eq = pair.indexOf('=');
		const rawKey = eq === -1 ? pair : pair.slice(0, eq);
		const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
		const key = decode(rawKey);
		const value = decode(rawValue);
		assign(root, splitKey(key), value);
	}
	return normalizeArrays(root) as FormParams;
}

function decode(part: string): string {
	return decodeURIComponent(part.replace(/\+/g, ' '));
}

/** `a[b][0][]` → ['a', 'b', '0', ''] (an empty segment means "append"). */
export function splitKey(key: string): string[] {
	const open = key.indexOf('[');
	if (open <= 0) return [key];
	const segments = [key.slice(0, open)];
	const pattern = /\[([^\]]*)\]/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(key.slice(open))) !== null) segments.push(match[1]);
	return segments;
}

type Node = { [key: string]: Node | string } | Array<Node | string>;

function assign(target: Node, segments: string[], value: string): void {
	let node: Node = target;
	for (let i = 0; i < segments.length; i++) {
		const last = i === segments.length - 1;
		let segment = segments[i];
		if (segment === '') {
			// `a[]=x` appends; `a[][b]=x` is not something Stripe's clients send, treat as append too.
			if (!Array.isArray(node)) return;
			segment = String(node.length);
		}
		const container = node as Record<string, Node | string>;
		if (last) {
			container[segment] = value;
			return;
		}
		const nextIsAppend = segments[i + 1] === '';
		let child = container[segment];
		if (child === undefined || typeof child === 'string') {
			child = nextIsAppend ? [] : {};
			container[segment] = child;
		}
		node = child;
	}
}

function normalizeArrays(value: Node | string): FormValue {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(normalizeArrays);
	const keys = Object.keys(value);
	const normalized: { [key: string]: FormValue } = {};
	for (const key of keys) normalized[key] = normalizeArrays(value[key]);
	if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
		return keys
			.map(Number)
			.sort((a, b) => a - b)
			.map((index) => normalized[String(index)]);
	}
	return normalized;
}

/** Canonical text of params, used to compare an idempotent retry with the first request. */
export function fingerprint(params: FormParams): string {
	return JSON.stringify(sortKeys(params));
}

function sortKeys(value: FormValue): FormValue {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(sortKeys);
	const sorted: { [key: string]: FormValue } = {};
	for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
	return sorted;
}
