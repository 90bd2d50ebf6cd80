import { PaymentInputError } from '../../../../core/errors';

const STRIPE_API_HOST = 'api.stripe.com';
const FIELD = 'Path';
const EXAMPLE = 'Write the path only, such as /v1/customers/cus_123.';

/**
 * The path part of a Custom API Call. The credential's key goes to the credential's base URL, so a
 * full URL is accepted only when it is Stripe's own API host (then reduced to its path); any other
 * host is refused rather than silently sent to Stripe or, worse, sent the key.
 */
export function checkedApiPath(input: unknown): string {
	let path = String(input ?? '').trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) path = pathOfStripeUrl(path);
	const [pathOnly, query] = splitOnce(path, '?');
	const unsafe =
		/[\s#\\]/.test(path) ||
		pathOnly.includes('//') ||
		pathOnly
			.split('/')
			.some((segment) => segment === '..' || segment === '.' || /%2e/i.test(segment));
	if (unsafe) {
		throw new PaymentInputError(
			FIELD,
			'contains characters not allowed in a Stripe path (spaces, "#", "//", "..", "\\").',
			EXAMPLE,
		);
	}
	if (!/^\/v[12]\/[A-Za-z0-9_]/.test(pathOnly)) {
		throw new PaymentInputError(FIELD, 'must start with /v1/ or /v2/.', EXAMPLE);
	}
	return query === undefined ? pathOnly : `${pathOnly}?${new URLSearchParams(query).toString()}`;
}

function pathOfStripeUrl(text: string): string {
	const url = URL.canParse(text.startsWith('//') ? `https:${text}` : text)
		? new URL(text.startsWith('//') ? `https:${text}` : text)
		: undefined;
	if (!url) throw new PaymentInputError(FIELD, 'is not a path.', EXAMPLE);
	if (url.protocol !== 'https:' || url.hostname !== STRIPE_API_HOST || url.port !== '') {
		throw new PaymentInputError(
			FIELD,
			`points to ${url.host || 'another host'}; this node only calls Stripe with the credential's key.`,
			EXAMPLE,
		);
	}
	return url.pathname + url.search;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

export function isApiV2(path: string): boolean {
	return path.startsWith('/v2/');
}
