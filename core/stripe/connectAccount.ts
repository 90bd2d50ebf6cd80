import { PaymentInputError } from '../errors';

/** A Stripe account id as sent in `Stripe-Account`. */
const ACCOUNT_ID = /^acct_[A-Za-z0-9_]+$/;

export interface ConnectAccountSources {
	/**
	 * A deliberate choice for this call: `acct_…` acts on that account, `''` on the platform
	 * account. Undefined: follow the event, else the credential.
	 */
	explicit?: string;
	/** The credential's Connect Account ID (empty: the platform). */
	credentialAccount?: string;
	/** The connected account of the Stripe event the item came from; null/undefined: none. */
	eventAccount?: string | null;
	/** Names the explicit setting in errors. */
	explicitField?: string;
}

export const CREDENTIAL_ACCOUNT_FIELD = 'Connect Account ID (credential)';

/**
 * The `Stripe-Account` of a call, or undefined for the platform account (docs/trigger.md, Connect).
 * Precedence: an explicit choice; else the event's connected account, which must agree with the
 * credential's when the credential sets one (a refund on the wrong account is never sent); else
 * the credential's account; else the platform.
 */
export function resolveStripeAccount(sources: ConnectAccountSources): string | undefined {
	const credential = sources.credentialAccount?.trim() || undefined;
	if (sources.explicit !== undefined) {
		const explicit = sources.explicit.trim();
		if (explicit === '') return undefined;
		assertAccountId(explicit, sources.explicitField ?? 'Stripe-Account');
		return explicit;
	}
	const event = sources.eventAccount?.trim() || undefined;
	if (credential) assertAccountId(credential, CREDENTIAL_ACCOUNT_FIELD);
	if (!event) return credential;
	assertAccountId(event, 'event.account');
	if (credential && credential !== event) {
		throw new PaymentInputError(
			CREDENTIAL_ACCOUNT_FIELD,
			`is ${credential}, but this item comes from a Stripe event of connected account ${event}; ` +
				'nothing was sent, so no money moved on the wrong account.',
			`Use a credential with Connect Account ID empty (your platform key) or ${event}, so the ` +
				'call follows the event, or set the node’s Connect › Account to the account you mean.',
		);
	}
	return event;
}

function assertAccountId(value: string, field: string): void {
	if (!ACCOUNT_ID.test(value)) {
		throw new PaymentInputError(
			field,
			`"${value}" is not a Stripe account id.`,
			'Use the id of a connected account, such as acct_1Nv0FGQ9RKHgCVdK.',
		);
	}
}
