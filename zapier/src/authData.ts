import { PaymentInputError } from '../../core/errors';
import { STRIPE_API_BASE } from '../../core/stripe/apiVersion';
import { assertKeyMatchesMode, type StripeKeyMode } from '../../core/stripe/keys';

/** What the user enters when connecting a Stripe account (the auth fields in authentication.ts). */
export interface StripeAuth {
	apiKey: string;
	mode: StripeKeyMode;
	/** Stripe's API, or a local emulator for tests; never anything the key should not be sent to. */
	baseUrl: string;
}

/** Reads and checks bundle.authData: the key must belong to the chosen mode before any request. */
export function readStripeAuth(authData: Record<string, unknown> | undefined): StripeAuth {
	const apiKey = typeof authData?.apiKey === 'string' ? authData.apiKey.trim() : '';
	const mode = authData?.mode === 'live' ? 'live' : authData?.mode === 'test' ? 'test' : null;
	if (mode === null) {
		throw new PaymentInputError('Mode', 'is not set.', 'Choose Test or Live when connecting.');
	}
	assertKeyMatchesMode(apiKey, mode);
	const rawBase = typeof authData?.baseUrl === 'string' ? authData.baseUrl.trim() : '';
	return { apiKey, mode, baseUrl: (rawBase || STRIPE_API_BASE).replace(/\/+$/, '') };
}

/** True when the URL points at the connected account's API base, the only place the key may go. */
export function isStripeApiUrl(url: string, auth: StripeAuth): boolean {
	return (
		url === auth.baseUrl || url.startsWith(`${auth.baseUrl}/`) || url.startsWith(`${auth.baseUrl}?`)
	);
}
