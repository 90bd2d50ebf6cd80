import { PaymentInputError } from '../../../../core/errors';

interface ParameterEntry {
	name?: string;
	value?: unknown;
}

type Params = Record<string, unknown>;

/**
 * Key/value pairs in Stripe's bracket notation, built into the nested object core encodes:
 * `metadata[order_id]` → `{ metadata: { order_id } }`, `expand[]` twice → `{ expand: [a, b] }`,
 * `line_items[0][price]` → `{ line_items: { 0: { price } } }` (encoded back as written).
 */
export function paramsFromEntries(entries: ParameterEntry[] | undefined): Params {
	const params: Params = {};
	for (const entry of entries ?? []) {
		const name = String(entry.name ?? '').trim();
		if (name === '') continue;
		const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
		if (!match) {
			throw new PaymentInputError(
				'Parameters',
				`name "${name.slice(0, 80)}" is not in Stripe's bracket notation.`,
				'Use names such as email, metadata[order_id] or expand[].',
			);
		}
		const segments = [...match[2].matchAll(/\[([^[\]]*)\]/g)].map((segment) => segment[1]);
		setPath(params, [match[1], ...segments], entry.value ?? '', name);
	}
	return params;
}

function setPath(target: Params | unknown[], keys: string[], value: unknown, name: string): void {
	const [key, ...rest] = keys;
	if (Array.isArray(target)) {
		if (key !== '') throw conflict(name);
		if (rest.length === 0) target.push(value);
		else throw conflict(name);
		return;
	}
	if (rest.length === 0) {
		if (key in target) throw conflict(name);
		target[key] = value;
		return;
	}
	const wantsArray = rest[0] === '';
	const existing = target[key];
	if (existing === undefined) target[key] = wantsArray ? [] : {};
	const child = target[key];
	if (typeof child !== 'object' || child === null || Array.isArray(child) !== wantsArray) {
		throw conflict(name);
	}
	setPath(child as Params | unknown[], rest, value, name);
}

function conflict(name: string): PaymentInputError {
	return new PaymentInputError(
		'Parameters',
		`"${name.slice(0, 80)}" conflicts with another parameter of the same name.`,
		'Give each parameter a distinct name; repeat only names ending in [] (lists).',
	);
}

/** The JSON parameters: an object (n8n may hand it over parsed or as text). */
export function paramsFromJson(value: unknown): Params {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		parsed = parseJson(value);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new PaymentInputError(
			'Parameters (JSON)',
			'must be a JSON object.',
			'Write it as {"email": "jenny@example.com"}.',
		);
	}
	return parsed as Params;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	let parsed: unknown = NOT_JSON;
	try {
		parsed = JSON.parse(text) as unknown;
	} catch {
		// reported below, outside the catch, with the field and the fix
	}
	if (parsed === NOT_JSON) {
		throw new PaymentInputError(
			'Parameters (JSON)',
			'is not valid JSON.',
			'Check quotes and commas.',
		);
	}
	return parsed;
}
