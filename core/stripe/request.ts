import { PaymentInputError } from '../errors';
import type { GatewayRequest, HttpMethod } from '../http';
import { STRIPE_API_BASE, STRIPE_API_VERSION } from './apiVersion';
import { encodeStripeForm, type NullEncoding } from './formEncoding';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface StripeCall {
	method: HttpMethod;
	/** e.g. '/v1/refunds'; ids in it must already be URL-safe. */
	path: string;
	/**
	 * Form body for POST, query string for GET and DELETE. Any object: a `Stripe.RefundCreateParams`
	 * (type-only import from 'stripe') fits as it is, without spreading it into a Record.
	 */
	params?: object;
	/** Required for POST; Stripe ignores it on GET and DELETE, so it is not sent there. */
	idempotencyKey?: string;
	/** Empty or absent: the pinned STRIPE_API_VERSION. */
	apiVersion?: string;
	/** Connect: act on this connected account (acct_…). */
	stripeAccount?: string;
	/** Empty or absent: STRIPE_API_BASE. The local emulator and proxies set their own. */
	baseUrl?: string;
	/** What a null in params becomes (formEncoding.ts); 'omit' unless the caller chooses. */
	nulls?: NullEncoding;
}

/** Turns a call into the exact request to send. Authentication is the platform transport's job. */
export function buildStripeRequest(call: StripeCall): GatewayRequest {
	assertSafePath(call.path);
	const headers: Record<string, string> = {
		'Stripe-Version': call.apiVersion?.trim() || STRIPE_API_VERSION,
	};
	const stripeAccount = call.stripeAccount?.trim();
	if (stripeAccount) headers['Stripe-Account'] = stripeAccount;

	const url = `${normalizeBaseUrl(call.baseUrl)}${call.path}`;
	const encoded = encodeStripeForm(call.params, { nulls: call.nulls });

	if (call.method !== 'POST') {
		const separator = call.path.includes('?') ? '&' : '?';
		return { method: call.method, url: encoded ? `${url}${separator}${encoded}` : url, headers };
	}

	headers['Idempotency-Key'] = checkedIdempotencyKey(call.idempotencyKey);
	headers['Content-Type'] = 'application/x-www-form-urlencoded';
	return { method: 'POST', url, headers, body: encoded };
}

function checkedIdempotencyKey(key: string | undefined): string {
	if (key === undefined || key.trim() === '') {
		throw new PaymentInputError(
			'Idempotency Key',
			'is missing; every POST to Stripe needs one so a retry cannot move money twice.',
			'Use the Automatic idempotency key or set a Custom one.',
		);
	}
	if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		throw new PaymentInputError(
			'Idempotency Key',
			`is ${key.length} characters long; Stripe accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}.`,
			'Use a shorter value, such as an order id.',
		);
	}
	return key;
}

/** Hosts that never leave the machine (URL gives IPv6 hosts in brackets). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function normalizeBaseUrl(baseUrl: string | undefined): string {
	const candidate = baseUrl?.trim() || STRIPE_API_BASE;
	let parsed: URL;
	try {
		parsed = new URL(candidate);
	} catch {
		throw new PaymentInputError('API Base URL', 'is not a URL.', `Use ${STRIPE_API_BASE}.`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new PaymentInputError(
			'API Base URL',
			'must start with https:// (http:// only for a local emulator).',
			`Use ${STRIPE_API_BASE}.`,
		);
	}
	// A key sent over plain http to another machine can be read on the way: http only on loopback.
	if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.has(parsed.hostname)) {
		throw new PaymentInputError(
			'API Base URL',
			`uses http:// for ${parsed.hostname}, which would send the secret key unencrypted; http:// is ` +
				'allowed only for localhost, 127.0.0.1 and [::1] (a local emulator).',
			`Use https:// (for Stripe: ${STRIPE_API_BASE}).`,
		);
	}
	if (parsed.search || parsed.hash || parsed.username || parsed.password) {
		throw new PaymentInputError(
			'API Base URL',
			'must not carry a query, fragment or credentials.',
			`Use a plain origin such as ${STRIPE_API_BASE}.`,
		);
	}
	return candidate.replace(/\/+$/, '');
}

/** A path built from user input must not climb out of the endpoint it names. */
function assertSafePath(path: string): void {
	const pathOnly = path.split('?')[0];
	const unsafe =
		!pathOnly.startsWith('/') ||
		pathOnly.startsWith('//') ||
		/[\s#\\]/.test(path) ||
		pathOnly
			.split('/')
			.some((segment) => segment === '..' || segment === '.' || /%2e/i.test(segment));
	if (unsafe) {
		throw new PaymentInputError(
			'ID',
			'contains characters that are not allowed in a Stripe path (spaces, "#", "..", "\\").',
			'Use the id exactly as Stripe shows it, such as pi_123.',
		);
	}
}
