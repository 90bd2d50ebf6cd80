import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { CREDENTIAL_ACCOUNT_FIELD, resolveStripeAccount } from '../../core/stripe/connectAccount';

const refusal = (field: string, pattern: RegExp) => (error: unknown) =>
	error instanceof PaymentInputError && error.field === field && pattern.test(error.message);

describe('resolveStripeAccount (Connect precedence)', () => {
	it('an explicit choice wins: an account id, or empty for the platform', () => {
		const sources = { credentialAccount: 'acct_cred', eventAccount: 'acct_event' };
		assert.equal(resolveStripeAccount({ ...sources, explicit: ' acct_chosen ' }), 'acct_chosen');
		assert.equal(resolveStripeAccount({ ...sources, explicit: '' }), undefined);
	});

	it('else the event’s account, else the credential’s, else the platform', () => {
		assert.equal(resolveStripeAccount({ eventAccount: 'acct_event' }), 'acct_event');
		assert.equal(
			resolveStripeAccount({ eventAccount: 'acct_event', credentialAccount: 'acct_event' }),
			'acct_event',
		);
		assert.equal(
			resolveStripeAccount({ eventAccount: null, credentialAccount: 'acct_c' }),
			'acct_c',
		);
		assert.equal(resolveStripeAccount({ credentialAccount: ' ' }), undefined);
		assert.equal(resolveStripeAccount({}), undefined);
	});

	it('refuses a credential set to another account than the event’s, naming both', () => {
		assert.throws(
			() => resolveStripeAccount({ eventAccount: 'acct_event', credentialAccount: 'acct_cred' }),
			refusal(CREDENTIAL_ACCOUNT_FIELD, /acct_cred.*acct_event/),
		);
	});

	it('refuses an id that is not acct_…, naming the field it came from', () => {
		assert.throws(
			() => resolveStripeAccount({ explicit: 'cus_1', explicitField: 'Connect › Account ID' }),
			refusal('Connect › Account ID', /"cus_1" is not a Stripe account id/),
		);
		assert.throws(
			() => resolveStripeAccount({ credentialAccount: 'acct 1' }),
			refusal(CREDENTIAL_ACCOUNT_FIELD, /not a Stripe account id/),
		);
	});
});
