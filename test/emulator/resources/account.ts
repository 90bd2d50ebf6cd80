import { template } from '../fixtures';
import type { Router } from '../router';
import type { StripeObject } from '../state';

/** The platform account (or the connected one named by Stripe-Account) and its balance. */
export const PLATFORM_ACCOUNT_ID = 'acct_1PaywireEmulator0';

export function registerAccount(router: Router): void {
	router.get('/v1/account', (ctx) => {
		const account = template('account') as StripeObject;
		const id = ctx.scope.account ?? PLATFORM_ACCOUNT_ID;
		const settings = account.settings as Record<string, Record<string, unknown>> | undefined;
		if (settings?.dashboard) settings.dashboard.display_name = 'Paywire Emulator';
		Object.assign(account, {
			id,
			business_profile: { ...(account.business_profile as object), name: 'Paywire Emulator' },
			charges_enabled: true,
			details_submitted: true,
			email: 'emulator@example.com',
			metadata: {},
			payouts_enabled: true,
			external_accounts: {
				data: [],
				has_more: false,
				object: 'list',
				url: `/v1/accounts/${id}/external_accounts`,
			},
		});
		return account;
	});
	router.get('/v1/balance', (ctx) => {
		const balance = template('balance') as StripeObject;
		let available = 0;
		for (const movement of ctx.scope.moneyMovements) {
			available += movement.kind === 'refund' ? -movement.amount : movement.amount;
		}
		// Test-mode funds are reported as available at once; Stripe holds them as pending for days.
		balance.available = [{ amount: available, currency: 'usd', source_types: { card: available } }];
		balance.pending = [{ amount: 0, currency: 'usd', source_types: { card: 0 } }];
		balance.livemode = ctx.scope.livemode;
		return balance;
	});
}
