import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type Stripe from 'stripe';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { checkedRedirectUrl } from '../../helpers/redirectUrls';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { checkoutExpiresAt, checkoutOptionsField, type CheckoutOptions } from './createOptions';
import { lineItemsField, lineItemsFromParameter } from './lineItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'payment',
		options: [
			{ name: 'One-Time Payment', value: 'payment' },
			{ name: 'Subscription', value: 'subscription' },
			{ name: 'Save a Payment Method (Setup)', value: 'setup' },
		],
	},
	{ ...lineItemsField, displayOptions: { show: { mode: ['payment', 'subscription'] } } },
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'usd',
		description: 'Three-letter ISO code for ad-hoc line items (and for setup mode)',
	},
	{
		displayName: 'Billing Interval',
		name: 'recurringInterval',
		type: 'options',
		default: 'month',
		description: 'For ad-hoc line items of a subscription',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Week', value: 'week' },
			{ name: 'Month', value: 'month' },
			{ name: 'Year', value: 'year' },
		],
		displayOptions: { show: { mode: ['subscription'] } },
	},
	{
		displayName: 'Customer',
		name: 'customerSource',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Ask in Checkout', value: 'none' },
			{ name: 'Existing Customer', value: 'customer' },
			{ name: 'Prefill Email', value: 'email' },
		],
	},
	stripeResourceLocator('customer', {
		name: 'customer',
		displayOptions: { show: { customerSource: ['customer'] } },
	}),
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { customerSource: ['email'] } },
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
		description:
			'Where the customer lands after paying. Stripe replaces {CHECKOUT_SESSION_ID} with the session ID, so the page can check that the payment really arrived.',
	},
	{
		displayName: 'Cancel URL',
		name: 'cancelUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/cart',
	},
	metadataField({ description: 'Stored on the session and copied to the payment it creates' }),
	checkoutOptionsField,
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['create'] } },
	properties,
);

/** A hosted payment page; send the customer to the output's `url`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const mode = this.getNodeParameter('mode', itemIndex) as Stripe.Checkout.SessionCreateParams.Mode;
	const currency = String(this.getNodeParameter('currency', itemIndex, ''))
		.trim()
		.toLowerCase();
	const options = this.getNodeParameter('options', itemIndex, {}) as CheckoutOptions;
	const metadata = metadataFor.call(this, itemIndex);
	const params: Stripe.Checkout.SessionCreateParams = {
		mode,
		success_url: checkedRedirectUrl(this.getNodeParameter('successUrl', itemIndex), 'Success URL'),
		metadata,
	};
	const cancelUrl = String(this.getNodeParameter('cancelUrl', itemIndex, '')).trim();
	if (cancelUrl) params.cancel_url = checkedRedirectUrl(cancelUrl, 'Cancel URL');

	if (mode === 'setup') {
		params.currency = currency || undefined;
		if (metadata) params.setup_intent_data = { metadata };
	} else {
		params.line_items = lineItemsFromParameter(this.getNodeParameter('lineItems', itemIndex), {
			currency,
			recurringInterval:
				mode === 'subscription'
					? (this.getNodeParameter('recurringInterval', itemIndex, 'month') as 'month')
					: undefined,
		});
		if (metadata && mode === 'payment') params.payment_intent_data = { metadata };
		if (metadata && mode === 'subscription') params.subscription_data = { metadata };
	}

	const customerSource = this.getNodeParameter('customerSource', itemIndex, 'none');
	if (customerSource === 'customer') params.customer = locatedId.call(this, 'customer', itemIndex);
	if (customerSource === 'email') {
		params.customer_email = String(this.getNodeParameter('customerEmail', itemIndex)).trim();
	}
	if (options.clientReferenceId) params.client_reference_id = options.clientReferenceId.trim();
	if (options.allowPromotionCodes) params.allow_promotion_codes = true;
	if (options.expiresInMinutes !== undefined) {
		params.expires_at = checkoutExpiresAt(options.expiresInMinutes, Date.now());
	}

	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'checkoutSession.create');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/checkout/sessions',
		params: { ...params },
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
