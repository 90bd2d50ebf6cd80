import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toMinorUnits } from '../../../../core/payments/amounts';
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
		displayName: 'Amount to Capture',
		name: 'amountToCapture',
		type: 'string',
		default: '',
		placeholder: '20.00',
		description:
			'Leave empty to capture everything authorised; a smaller decimal amount releases the rest',
	},
	idempotencyOption,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['capture'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = locatedId.call(this, 'paymentIntent', itemIndex);
	const path = `/v1/payment_intents/${pathId(paymentId)}`;
	const partial = String(this.getNodeParameter('amountToCapture', itemIndex, '')).trim();
	const params: Record<string, unknown> = {};
	if (partial !== '') {
		const { body: intent } = await stripeApiRequest.call(this, { method: 'GET', path, itemIndex });
		params.amount_to_capture = toMinorUnits(
			partial,
			String(intent.currency),
			'Amount to Capture',
			'capture',
		);
	}
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'payment.capture');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `${path}/capture`,
		params,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
