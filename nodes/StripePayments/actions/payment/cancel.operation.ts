import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { paymentIntentLocator } from './fields';

const properties: INodeProperties[] = [
	paymentIntentLocator,
	{
		displayName: 'Reason',
		name: 'cancellationReason',
		type: 'options',
		default: '',
		options: [
			{ name: 'Abandoned', value: 'abandoned' },
			{ name: 'Duplicate', value: 'duplicate' },
			{ name: 'Fraudulent', value: 'fraudulent' },
			{ name: 'Not Given', value: '' },
			{ name: 'Requested by Customer', value: 'requested_by_customer' },
		],
	},
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['cancel'] } },
	properties,
);

/** Cancels a payment not yet captured or completed (an authorisation is released). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = locatedId.call(this, 'paymentIntent', itemIndex);
	const reason = this.getNodeParameter('cancellationReason', itemIndex, '') as string;
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'payment.cancel');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/payment_intents/${pathId(paymentId)}/cancel`,
		params: { cancellation_reason: reason || undefined },
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
