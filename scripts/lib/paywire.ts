import { STRIPE_API_BASE } from '../../core/stripe/apiVersion';

/** Names the examples, `npm start` and the e2e suite agree on. */
export const PACKAGE_NAME = 'n8n-nodes-paywire';
export const ACTION_NODE_TYPE = `${PACKAGE_NAME}.stripePayments`;
export const TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.stripePaymentsTrigger`;
export const TOOL_NODE_TYPE = `${PACKAGE_NAME}.stripePaymentsTool`;
export const CREDENTIAL_TYPE = 'paywireStripeApi';

/** The credential every example workflow references (by this id and name). */
export const EXAMPLE_CREDENTIAL = { id: 'PaywireStripe001', name: 'Paywire Stripe (test mode)' };

export interface PaywireCredentialData {
	secretKey: string;
	mode: 'test' | 'live';
	apiVersion?: string;
	stripeAccount?: string;
	baseUrl?: string;
}

/** Credential data for the local emulator (a placeholder test key: the emulator accepts any). */
export function emulatorCredentialData(emulatorUrl: string): PaywireCredentialData {
	return { secretKey: 'sk_test_123', mode: 'test', apiVersion: '', stripeAccount: '', baseUrl: emulatorUrl };
}

/** Credential data for Stripe's test mode; refuses anything but a test-mode key. */
export function stripeTestCredentialData(secretKey: string): PaywireCredentialData {
	if (!/^(sk|rk)_test_[A-Za-z0-9]+$/.test(secretKey)) {
		throw new Error(
			'STRIPE_SECRET_KEY must be a Stripe test-mode key (sk_test_… or rk_test_…); npm start refuses live keys.',
		);
	}
	return {
		secretKey,
		mode: 'test',
		apiVersion: '',
		stripeAccount: '',
		baseUrl: STRIPE_API_BASE,
	};
}
