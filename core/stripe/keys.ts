import { PaymentInputError } from '../errors';

export type StripeKeyMode = 'test' | 'live';

const KEY_MODES: ReadonlyArray<{ prefix: string; mode: StripeKeyMode }> = [
	{ prefix: 'sk_test_', mode: 'test' },
	{ prefix: 'rk_test_', mode: 'test' },
	{ prefix: 'sk_live_', mode: 'live' },
	{ prefix: 'rk_live_', mode: 'live' },
];

/** The mode a secret or restricted key belongs to; null for anything else (publishable keys included). */
export function stripeKeyMode(key: string): StripeKeyMode | null {
	const trimmed = key.trim();
	const match = KEY_MODES.find(({ prefix }) => trimmed.startsWith(prefix));
	return match && trimmed.length > match.prefix.length ? match.mode : null;
}

/** Refuses a key of the other mode, or no Stripe secret key at all, before any request. Never echoes the key. */
export function assertKeyMatchesMode(key: string, mode: StripeKeyMode): void {
	const keyMode = stripeKeyMode(key);
	if (keyMode === mode) return;
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
