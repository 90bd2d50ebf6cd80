import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stripe webhook signature verification (GUIDE §5): `Stripe-Signature: t=<unix>,v1=<hex>[,v1=…][,v0=…]`,
 * HMAC-SHA256 of `<t>.<raw body bytes>` keyed with the whole `whsec_…` string. Fails closed: every
 * path that is not a proven match returns `ok: false` with the HTTP status to answer and a short
 * reason that says what was wrong with the request, never what the expected signature was.
 */
export type SignatureRejection = { ok: false; status: 400 | 401; reason: string };
export type SignatureCheck = { ok: true; timestamp: number } | SignatureRejection;

export interface SignatureInput {
	/** The exact bytes received (n8n: `req.rawBody`); a string is taken as its UTF-8 bytes. */
	rawBody: Buffer | string;
	/** The `Stripe-Signature` header as the HTTP server gave it. */
	header: string | string[] | undefined;
	/** Every signing secret currently accepted (two while a secret is being rolled). */
	secrets: string[];
	/** Allowed distance between the signed timestamp and now, in both directions. */
	toleranceSeconds?: number;
	nowSeconds?: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Real headers are ~150 characters; anything this long is not from Stripe. */
const MAX_HEADER_LENGTH = 4096;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const V1_PATTERN = /^[0-9a-f]{64}$/;

interface ParsedHeader {
	timestamp: string;
	candidates: Buffer[];
}

const malformed = (reason: string): SignatureRejection => ({ ok: false, status: 400, reason });
const rejected = (reason: string): SignatureRejection => ({ ok: false, status: 401, reason });

export function verifyStripeSignature(input: SignatureInput): SignatureCheck {
	const parsed = parseSignatureHeader(input.header);
	if ('ok' in parsed) return parsed;
	const body =
		typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
	if (!Buffer.isBuffer(body) || body.length === 0) return malformed('empty request body');

	const secrets = input.secrets.filter((secret) => typeof secret === 'string' && secret !== '');
	if (secrets.length === 0) return rejected('no signing secret configured');

	let matched = false;
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret)
			.update(parsed.timestamp + '.')
			.update(body)
			.digest();
		// Every candidate is compared, with no early exit, so timing says nothing about which matched.
		for (const candidate of parsed.candidates) {
			if (timingSafeEqual(candidate, expected)) matched = true;
		}
	}
	if (!matched) return rejected('signature does not match');

	const timestamp = Number(parsed.timestamp);
	const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
	if (Math.abs(now - timestamp) > toleranceOf(input.toleranceSeconds)) {
		return rejected('timestamp outside the tolerance');
	}
	return { ok: true, timestamp };
}

/** A missing, zero, negative or non-numeric tolerance falls back to the default: never "no check". */
function toleranceOf(seconds: number | undefined): number {
	return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
		? seconds
		: DEFAULT_TOLERANCE_SECONDS;
}

function parseSignatureHeader(
	header: string | string[] | undefined,
): ParsedHeader | SignatureRejection {
	if (Array.isArray(header)) {
		if (header.length > 1) return malformed('signature header given more than once');
		header = header[0];
	}
	if (typeof header !== 'string' || header.trim() === '') {
		return malformed('missing Stripe-Signature header');
	}
	if (header.length > MAX_HEADER_LENGTH) return malformed('signature header too long');

	let timestamp: string | undefined;
	const candidates: Buffer[] = [];
	let v1Count = 0;
	for (const element of header.split(',')) {
		const separator = element.indexOf('=');
		if (separator <= 0) return malformed('malformed signature header');
		const key = element.slice(0, separator).trim();
		const value = element.slice(separator + 1).trim();
		if (key === 't') {
			if (timestamp !== undefined) return malformed('duplicate timestamp in signature header');
			if (!TIMESTAMP_PATTERN.test(value))
				return malformed('malformed timestamp in signature header');
			timestamp = value;
		} else if (key === 'v1') {
			v1Count += 1;
			// A v1 that is not 64 lower-case hex digits cannot be Stripe's; it simply never matches.
			if (V1_PATTERN.test(value)) candidates.push(Buffer.from(value, 'hex'));
		}
		// v0 (test-mode legacy scheme) and unknown schemes are ignored.
	}
	if (timestamp === undefined) return malformed('no timestamp in signature header');
	if (v1Count === 0) return malformed('no v1 signature in signature header');
	return { timestamp, candidates };
}
