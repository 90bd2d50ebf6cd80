import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type Stripe from 'stripe';

import { toMinorUnits } from '../../../../core/payments/amounts';
import { positiveQuantity } from '../../../../core/payments/wholeNumbers';
import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { checkedRedirectUrl } from '../../helpers/redirectUrls';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { amountField, currencyField } from '../payment/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Charge',
		name: 'priceSource',
		type: 'options',
		default: 'price',
		options: [
			{ name: 'An Existing Price', value: 'price' },
			{ name: 'An Ad-Hoc Amount', value: 'adHoc' },
		],
	},
	stripeResourceLocator('price', {
		name: 'price',
		displayOptions: { show: { priceSource: ['price'] } },
	}),
	{
		displayName: 'Product Name',
		name: 'productName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Consultation (1 hour)',
		displayOptions: { show: { priceSource: ['adHoc'] } },
	},
	{ ...amountField, displayOptions: { show: { priceSource: ['adHoc'] } } },
	{ ...currencyField, displayOptions: { show: { priceSource: ['adHoc'] } } },
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'A whole number of 1 or more',
	},
	{
		displayName: 'After Payment',
		name: 'afterCompletion',
		type: 'options',
		default: 'hostedConfirmation',
		options: [
			{ name: 'Show Stripe’s Confirmation Page', value: 'hostedConfirmation' },
			{ name: 'Redirect to a URL', value: 'redirect' },
		],
	},
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
		displayOptions: { show: { afterCompletion: ['redirect'] } },
	},
	metadataField({ description: 'Stored on the link and copied to every payment made through it' }),
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentLink'], operation: ['create'] } },
	properties,
);

/** A reusable payment page (many customers can pay through one link); its `url` is in the output. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const quantity = positiveQuantity(this.getNodeParameter('quantity', itemIndex, 1), 'Quantity');
	let lineItem: Stripe.PaymentLinkCreateParams.LineItem;
	if (this.getNodeParameter('priceSource', itemIndex) === 'price') {
		lineItem = { price: locatedId.call(this, 'price', itemIndex), quantity };
	} else {
		const currency = String(this.getNodeParameter('currency', itemIndex)).trim().toLowerCase();
		lineItem = {
			quantity,
			price_data: {
				currency,
				unit_amount: toMinorUnits(
					this.getNodeParameter('amount', itemIndex) as string,
					currency,
					'Amount',
				),
				product_data: { name: String(this.getNodeParameter('productName', itemIndex)).trim() },
			},
		};
	}
	const metadata = metadataFor.call(this, itemIndex);
	const params: Stripe.PaymentLinkCreateParams = {
		line_items: [lineItem],
		metadata,
		payment_intent_data: metadata ? { metadata } : undefined,
	};
	if (this.getNodeParameter('afterCompletion', itemIndex) === 'redirect') {
		const url = checkedRedirectUrl(this.getNodeParameter('redirectUrl', itemIndex), 'Redirect URL');
		params.after_completion = { type: 'redirect', redirect: { url } };
	}
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'paymentLink.create');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/payment_links',
		params: { ...params },
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
