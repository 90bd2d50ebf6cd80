import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { STRIPE_API_BASE, STRIPE_API_VERSION } from '../core/stripe/apiVersion';

/**
 * Tested by the nodes (`testedBy: 'paywireStripeApiTest'`, nodes/shared/credentialTest.ts), not by a
 * declarative `test`: n8n prefers a credential's own `test` over a node's, and only the node-side
 * test can refuse a key of the wrong mode before any request.
 */
export class PaywireStripeApi implements ICredentialType {
	name = 'paywireStripeApi';

	displayName = 'Paywire Stripe API';

	icon: Icon = { light: 'file:stripe.svg', dark: 'file:stripe.dark.svg' };

	documentationUrl = 'https://github.com/paywire/n8n-nodes-paywire/blob/main/docs/credential.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret or Restricted Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'rk_test_… or sk_test_…',
			description:
				'From the Stripe Dashboard, Developers → API keys. A restricted key (rk_) with only the permissions your operations need is safest.',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Test', value: 'test', description: 'Key starts with sk_test_ or rk_test_' },
				{
					name: 'Live',
					value: 'live',
					description: 'Key starts with sk_live_ or rk_live_; moves real money',
				},
			],
			default: 'test',
			description: 'Must match the key. A key of the other mode is refused before any request.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: STRIPE_API_VERSION,
			description: `Leave empty to use ${STRIPE_API_VERSION}, the version Paywire is built and tested for. Another version may change the shape of what Stripe returns.`,
		},
		{
			displayName: 'Connect Account ID',
			name: 'stripeAccount',
			type: 'string',
			default: '',
			placeholder: 'acct_…',
			description:
				'Optional. With Stripe Connect, act on this connected account (sent as the Stripe-Account header).',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: STRIPE_API_BASE,
			description: `Leave as ${STRIPE_API_BASE} unless you use a local Stripe emulator or a proxy`,
		},
	];

	// Stripe-Version and Stripe-Account come from the request builder (core/stripe/request.ts), which
	// reads the fields above: n8n's generic authentication would send an empty Stripe-Account header.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.secretKey.trim()}}',
			},
		},
	};
}
