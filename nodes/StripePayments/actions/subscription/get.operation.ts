import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { subscriptionIdField, subscriptionPath } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['get'] } },
	[subscriptionIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: subscriptionPath.call(this, itemIndex),
		itemIndex,
	});
	return moneyOutput(body);
}
