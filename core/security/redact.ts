/**
 * Secret redaction (GUIDE §8): API keys, webhook signing secrets and Authorization header values never
 * reach an error, an output item or a log line. The key kind stays visible (`sk_live_[REDACTED]`) so a
 * builder can tell which key was involved; none of its characters do.
 */

export const REDACTED = '[REDACTED]';

/** Also Stripe's masked echo of a key in its errors (`sk_test_****1234`): none of it stays. */
const STRIPE_KEY = /(?<![A-Za-z0-9])(sk|rk)_(test|live)_[A-Za-z0-9*]*[A-Za-z0-9]/g;
/** Secret or restricted keys without a mode segment (older or organisation formats). */
const STRIPE_KEY_WITHOUT_MODE = /(?<![A-Za-z0-9])(sk|rk)_(?!test_|live_)[A-Za-z0-9]{20,}/g;
const WEBHOOK_SECRET = /whsec_[A-Za-z0-9+/=_-]+/g;
/** A header written as text: `Authorization: Bearer …`, `"authorization":"Basic …"`, `authorization='…'`. */
const AUTHORIZATION_HEADER = /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)([^"'\r\n&]+)/gi;
const BEARER_TOKEN = /\b(Bearer)\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]+/gi;
const AUTH_SCHEME = /^\s*(Bearer|Basic|Token|Digest)\s+/i;

/** Property names whose whole value is a credential, compared lower-case without separators. */
const SECRET_PROPERTY_NAMES = new Set([
	'authorization',
	'proxyauthorization',
	'auth',
	'apikey',
	'secretkey',
	'signingsecret',
	'webhooksecret',
	'password',
	'accesstoken',
	'cookie',
]);

const MAX_DEPTH = 64;

/** Removes Stripe keys, webhook secrets and Authorization values from a piece of text. */
export function redactSecrets(text: string): string {
	return text
		.replace(
			AUTHORIZATION_HEADER,
			(_match, label: string, value: string) => label + redactCredential(value),
		)
		.replace(BEARER_TOKEN, (_match, scheme: string) => `${scheme} ${REDACTED}`)
		.replace(STRIPE_KEY, (_match, kind: string, mode: string) => `${kind}_${mode}_${REDACTED}`)
		.replace(STRIPE_KEY_WITHOUT_MODE, (_match, kind: string) => `${kind}_${REDACTED}`)
		.replace(WEBHOOK_SECRET, `whsec_${REDACTED}`);
}

/** A value that is a credential as a whole: keep the scheme or key kind, drop the rest. */
function redactCredential(value: string): string {
	const scheme = AUTH_SCHEME.exec(value);
	if (scheme) return `${scheme[1]} ${REDACTED}`;
	const afterSecrets = redactSecrets(value);
	return afterSecrets !== value ? afterSecrets : REDACTED;
}

function isSecretProperty(name: string): boolean {
	return SECRET_PROPERTY_NAMES.has(name.toLowerCase().replace(/[^a-z]/g, ''));
}

/**
 * A redacted copy of any value: strings are scrubbed, objects, arrays, Maps, Sets and Errors are copied
 * (Errors keep their prototype, so `instanceof` still works, with message, stack and cause scrubbed),
 * and values under credential-like names (`headers.Authorization`, `auth`, `apiKey`, …) are replaced.
 * Cycles are preserved; the input is never modified.
 */
export function redactDeep<T>(value: T): T {
	return copyRedacted(value, new WeakMap(), 0, false) as T;
}

function copyRedacted(
	value: unknown,
	seen: WeakMap<object, unknown>,
	depth: number,
	secret: boolean,
): unknown {
	if (typeof value === 'string') {
		if (secret && value !== '') return redactCredential(value);
		return redactSecrets(value);
	}
	if (value === null || typeof value !== 'object') {
		return secret && (typeof value === 'number' || typeof value === 'bigint') ? REDACTED : value;
	}
	if (depth >= MAX_DEPTH) return REDACTED;
	const known = seen.get(value);
	if (known !== undefined) return known;
	if (value instanceof Date) return new Date(value.getTime());
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	const next = (child: unknown, childSecret = secret) =>
		copyRedacted(child, seen, depth + 1, childSecret);

	if (Array.isArray(value)) {
		const copy: unknown[] = [];
		seen.set(value, copy);
		for (const element of value) copy.push(next(element));
		return copy;
	}
	if (value instanceof Map) {
		const copy = new Map<unknown, unknown>();
		seen.set(value, copy);
		for (const [key, entry] of value) {
			copy.set(key, next(entry, secret || (typeof key === 'string' && isSecretProperty(key))));
		}
		return copy;
	}
	if (value instanceof Set) {
		const copy = new Set<unknown>();
		seen.set(value, copy);
		for (const entry of value) copy.add(next(entry));
		return copy;
	}

	// Plain objects, Errors and other class instances: copy own data properties, keep the prototype.
	// Accessors are dropped rather than invoked, since a getter may throw or expose what it wraps.
	const copy = Object.create(Object.getPrototypeOf(value)) as Record<string | symbol, unknown>;
	seen.set(value, copy);
	const descriptors = Object.getOwnPropertyDescriptors(value);
	for (const key of Reflect.ownKeys(descriptors)) {
		const descriptor = descriptors[key as keyof typeof descriptors];
		const childSecret = secret || (typeof key === 'string' && isSecretProperty(key));
		if ('value' in descriptor) {
			Object.defineProperty(copy, key, {
				...descriptor,
				value: next(descriptor.value, childSecret),
			});
		} else if (key === 'stack' && value instanceof Error) {
			// V8 installs `stack` as an accessor on each error; keep it as scrubbed text.
			const { enumerable, configurable } = descriptor;
			const stack = next(readStack(value), childSecret);
			Object.defineProperty(copy, key, { value: stack, writable: true, enumerable, configurable });
		}
	}
	return copy;
}

function readStack(error: Error): string | undefined {
	try {
		return error.stack;
	} catch {
		return undefined;
	}
}
