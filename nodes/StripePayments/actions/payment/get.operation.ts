import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { paymentIntentLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['get'] } },
	[paymentIntentLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentId = locatedId.call(this, 'paymentIntent', itemIndex);
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/payment_intents/${pathId(paymentId)}`,
		itemIndex,
	});
	return moneyOutput(body);
}
