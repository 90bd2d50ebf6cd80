import type { Bundle, ZObject } from 'zapier-platform-core';

import { buildStripeRequest } from '../../core/stripe/request';
import { readStripeAuth } from './authData';
import { withZapierErrors } from './errors';
import { parseBody } from './transport';

interface ConnectionInfo {
	mode: 'test' | 'live';
	accountId: string | null;
	accountName: string | null;
}

/**
 * The connection test lists at most one customer: it needs nothing but read access to customers,
 * so a restricted key (rk_…) with only the permissions Paywire uses passes it. The account name
 * for the label is asked for separately and is optional: a restricted key without access to the
 * account still connects, and the label then shows the mode only.
 */
async function testConnection(z: ZObject, bundle: Bundle): Promise<ConnectionInfo> {
	return withZapierErrors(z, async () => {
		const auth = readStripeAuth(bundle.authData);
		const probe = buildStripeRequest({
			method: 'GET',
			path: '/v1/customers',
			params: { limit: 1 },
			baseUrl: auth.baseUrl,
		});
		// A plain request: the afterResponse middleware turns a refusal into a plain message.
		await z.request({ url: probe.url, method: 'GET', headers: probe.headers });

		const body = await readAccount(z, auth.baseUrl);
		return { mode: auth.mode, accountId: text(body.id), accountName: accountNameOf(body) };
	});
}

/** Best effort: any refusal or failure leaves the label without the account. */
async function readAccount(z: ZObject, baseUrl: string): Promise<Record<string, unknown>> {
	const account = buildStripeRequest({ method: 'GET', path: '/v1/account', baseUrl });
	try {
		const response = await z.request({
			url: account.url,
			method: 'GET',
			headers: account.headers,
			skipThrowForStatus: true,
		});
		return response.status === 200 ? asRecord(parseBody(response)) : {};
	} catch {
		return {};
	}
}

function accountNameOf(account: Record<string, unknown>): string | null {
	const settings = asRecord(asRecord(account.settings).dashboard);
	const profile = asRecord(account.business_profile);
	return text(settings.display_name) ?? text(profile.name) ?? text(account.email);
}

/** e.g. "Acme Ltd (acct_123) · test mode"; bundle.inputData is what the test returned. */
export async function connectionLabel(_z: ZObject, bundle: Bundle): Promise<string> {
	const info = bundle.inputData as Partial<ConnectionInfo>;
	const mode = `${info.mode === 'live' ? 'live' : 'test'} mode`;
	const account = [info.accountName, info.accountId ? `(${info.accountId})` : null]
		.filter(Boolean)
		.join(' ');
	return account ? `${account} · ${mode}` : `Stripe · ${mode}`;
}

export const authentication = {
	type: 'custom' as const,
	fields: [
		{
			key: 'apiKey',
			label: 'Secret or Restricted Key',
			type: 'password' as const,
			required: true,
			helpText:
				'From the Stripe Dashboard, Developers → API keys: a secret key (sk_…) or, better, a restricted key (rk_…) with write access to Checkout Sessions, Payment Links, Payment Intents, Refunds, Customers and Webhook Endpoints and read access to Events and the Account.',
		},
		{
			key: 'mode',
			label: 'Mode',
			required: true,
			default: 'test',
			choices: [
				{ value: 'test', label: 'Test', sample: 'test' },
				{ value: 'live', label: 'Live', sample: 'live' },
			],
			helpText:
				'Must match the key: a test key starts with sk_test_ or rk_test_, a live key with sk_live_ or rk_live_. A mismatch is refused before anything is sent.',
		},
		{
			key: 'baseUrl',
			label: 'API Base URL',
			required: false,
			helpText: 'Leave empty to use https://api.stripe.com. Only for a local Stripe emulator.',
		},
	],
	test: testConnection,
	connectionLabel,
};

function asRecord(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}
