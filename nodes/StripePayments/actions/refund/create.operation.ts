import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	paymentRetrievePath,
	refundAmountInMinorUnits,
} from '../../../../core/stripe/refundAmount';
import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Refund',
		name: 'refundSource',
		type: 'options',
		default: 'paymentIntent',
		options: [
			{ name: 'A Payment (Payment Intent)', value: 'paymentIntent' },
			{ name: 'A Charge', value: 'charge' },
		],
	},
	stripeResourceLocator('paymentIntent', {
		name: 'paymentIntent',
		displayOptions: { show: { refundSource: ['paymentIntent'] } },
	}),
	{
		displayName: 'Charge ID',
		name: 'chargeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ch_3MtwBwLkdIwHu7ix28a3tqPa',
		displayOptions: { show: { refundSource: ['charge'] } },
	},
	{
		displayName: 'Amount to Refund',
		name: 'amountType',
		type: 'options',
		default: 'full',
		options: [
			{ name: 'Everything Not Yet Refunded', value: 'full' },
			{ name: 'Part of It', value: 'partial' },
		],
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12.50',
		description:
			'In the payment’s currency, as a decimal (12.50 USD, 1200 JPY). Converted exactly to the smallest unit.',
		displayOptions: { show: { amountType: ['partial'] } },
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'options',
		default: '',
		options: [
			{ name: 'Not Given', value: '' },
			{ name: 'Duplicate', value: 'duplicate' },
			{ name: 'Fraudulent', value: 'fraudulent' },
			{ name: 'Requested by Customer', value: 'requested_by_customer' },
		],
	},
	metadataField(),
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const source = this.getNodeParameter('refundSource', itemIndex) as 'paymentIntent' | 'charge';
	const sourceId =
		source === 'charge'
			? String(this.getNodeParameter('chargeId', itemIndex)).trim()
			: locatedId.call(this, 'paymentIntent', itemIndex);
	const params: Record<string, unknown> = {
		[source === 'charge' ? 'charge' : 'payment_intent']: sourceId,
	};
	if (this.getNodeParameter('amountType', itemIndex) === 'partial') {
		// The refund is in the payment's currency; ask Stripe for it rather than trust a second field.
		const { body: paid } = await stripeApiRequest.call(this, {
			method: 'GET',
			path: paymentRetrievePath(sourceId),
			itemIndex,
		});
		const amount = this.getNodeParameter('amount', itemIndex) as string | number;
		params.amount = refundAmountInMinorUnits(amount, paid);
	}
	const reason = this.getNodeParameter('reason', itemIndex, '') as string;
	if (reason) params.reason = reason;
	params.metadata = metadataFor.call(this, itemIndex);

	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'refund.create');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/refunds',
		params,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
