/* eslint-disable n8n-nodes-base/node-filename-against-convention */
// n8n's v2 node layout (Airtable v2, Outlook v2) keeps the description here and the class in
// StripePayments.node.ts; the filename rule expects the description in the *.node.ts file.

import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { connectOption } from '../helpers/connectAccount';
import { withIdempotencyNotices } from '../helpers/idempotency';
import { batchingOption } from '../helpers/runPerItem';
import * as billingPortal from './billingPortal/BillingPortal.resource';
import * as checkoutSession from './checkoutSession/CheckoutSession.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as customer from './customer/Customer.resource';
import * as event from './event/Event.resource';
import * as invoice from './invoice/Invoice.resource';
import * as payment from './payment/Payment.resource';
import * as paymentLink from './paymentLink/PaymentLink.resource';
import * as paymentMethod from './paymentMethod/PaymentMethod.resource';
import * as refund from './refund/Refund.resource';
import * as subscription from './subscription/Subscription.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Stripe Payments',
	name: 'stripePayments',
	icon: 'file:stripe.svg',
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description:
		'Take payments with Stripe safely: hosted checkout, saved-card charges, refunds, customers and invoices, with idempotency keys on every write',
	defaults: { name: 'Stripe Payments' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'paywireStripeApi', required: true, testedBy: 'paywireStripeApiTest' }],
	properties: withIdempotencyNotices([
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'checkoutSession',
			options: [
				{
					name: 'Billing Portal Session',
					value: 'billingPortal',
					description: 'A link where a customer updates their card or plan',
				},
				{
					name: 'Checkout Session',
					value: 'checkoutSession',
					description: 'A hosted payment page: send the customer its URL',
				},
				{
					name: 'Custom API Call',
					value: 'customApiCall',
					description: 'Any Stripe endpoint, with the same key, retries and idempotency',
				},
				{ name: 'Customer', value: 'customer' },
				{
					name: 'Event',
					value: 'event',
					description: 'Past Stripe events, to catch up on missed webhooks',
				},
				{ name: 'Invoice', value: 'invoice' },
				{
					name: 'Payment',
					value: 'payment',
					description: 'A payment intent: charge a saved card, capture, cancel',
				},
				{ name: 'Payment Link', value: 'paymentLink', description: 'A reusable payment page' },
				{ name: 'Payment Method', value: 'paymentMethod' },
				{ name: 'Refund', value: 'refund' },
				{ name: 'Subscription', value: 'subscription' },
			],
		},
		...checkoutSession.description,
		...paymentLink.description,
		...payment.description,
		...refund.description,
		...customer.description,
		...paymentMethod.description,
		...invoice.description,
		...billingPortal.description,
		...subscription.description,
		...event.description,
		...customApiCall.description,
		connectOption,
		batchingOption,
	]),
};
