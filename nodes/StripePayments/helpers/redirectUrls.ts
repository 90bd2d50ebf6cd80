import { PaymentInputError } from '../../../core/errors';

export const CHECKOUT_SESSION_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

/**
 * A URL Stripe sends the customer to. Stripe replaces `{CHECKOUT_SESSION_ID}` only when written
 * exactly so; a lower-case, URL-encoded or half-written placeholder would reach the page literally,
 * and the page could not look the payment up, so those are refused with the fix.
 */
export function checkedRedirectUrl(value: unknown, field: string): string {
	const url = String(value ?? '').trim();
	const candidate = url.replace(CHECKOUT_SESSION_PLACEHOLDER, 'placeholder');
	if (!URL.canParse(candidate)) {
		throw new PaymentInputError(
			field,
			'is not a full URL.',
			'Use a URL such as https://example.com/thanks.',
		);
	}
	const parsed = new URL(candidate);
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new PaymentInputError(field, 'must start with https://.', 'Use a web page address.');
	}
	const withoutPlaceholder = url.split(CHECKOUT_SESSION_PLACEHOLDER).join('');
	if (/\{?checkout_session_id\}?|%7Bcheckout_session_id/i.test(withoutPlaceholder)) {
		throw new PaymentInputError(
			field,
			'contains a misspelt or encoded session placeholder, which Stripe would not replace.',
			`Write it exactly as ${CHECKOUT_SESSION_PLACEHOLDER}.`,
		);
	}
	return url;
}
