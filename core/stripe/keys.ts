import { PaymentInputError } from '../errors';

export type StripeKeyMode = 'test' | 'live';

const KEY_MODES: ReadonlyArray<{ prefix: string; mode: StripeKeyMode }> = [
	{ prefix: 'sk_test_', mode: 'test' },
	{ prefix: 'rk_test_', mode: 'test' },
	{ prefix: 'sk_live_', mode: 'live' },
	{ prefix: 'rk_live_', mode: 'live' },
];

/** What follows the prefix in every Stripe key; anything else is a copy-paste accident. */
const KEY_BODY = /^[A-Za-z0-9]+$/;

function keyPrefixMode(key: string): { prefix: string; mode: StripeKeyMode } | undefined {
	return KEY_MODES.find(({ prefix }) => key.trim().startsWith(prefix));
}

/** The mode of a well-formed secret or restricted key; null for anything else (publishable too). */
export function stripeKeyMode(key: string): StripeKeyMode | null {
	const match = keyPrefixMode(key);
	return match && KEY_BODY.test(key.trim().slice(match.prefix.length)) ? match.mode : null;
}

/** Refuses a key of the other mode, or no Stripe secret key at all, before any request. Never echoes the key. */
export function assertKeyMatchesMode(key: string, mode: StripeKeyMode): void {
	const keyMode = stripeKeyMode(key);
	if (keyMode === mode) return;
	if (keyMode === null && keyPrefixMode(key)) {
		throw new PaymentInputError(
			'Secret Key',
			'is malformed: it contains spaces, line breaks or characters a Stripe key never has.',
			'Copy the key again from the Stripe Dashboard (Developers → API keys) and paste only the key.',
		);
	}
	if (keyMode === null) {
		const looksPublishable = key.trim().startsWith('pk_');
		throw new PaymentInputError(
			'Secret Key',
			looksPublishable
				? 'is a publishable key (pk_…), which cannot make server-side calls.'
				: 'is not a Stripe secret or restricted key (they start with sk_ or rk_).',
			`Paste a ${mode} secret key (sk_${mode}_…) or restricted key (rk_${mode}_…) from the Stripe Dashboard.`,
		);
	}
	throw new PaymentInputError(
		'Mode',
		`is ${mode}, but the key is a ${keyMode}-mode key.`,
		`Set Mode to ${keyMode === 'live' ? 'Live' : 'Test'} or paste a ${mode}-mode key (sk_${mode}_… or rk_${mode}_…).`,
	);
}
