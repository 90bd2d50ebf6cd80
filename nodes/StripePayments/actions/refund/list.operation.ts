import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields, listFilterParams, listWithLimit } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

const properties: INodeProperties[] = listFields([
	{
		displayName: 'Payment Intent ID',
		name: 'payment_intent',
		type: 'string',
		default: '',
		placeholder: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
	},
	{
		displayName: 'Charge ID',
		name: 'charge',
		type: 'string',
		default: '',
		placeholder: 'ch_3MtwBwLkdIwHu7ix28a3tqPa',
	},
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params = listFilterParams(filters, ['payment_intent', 'charge']);
	const refunds = await listWithLimit.call(this, itemIndex, '/v1/refunds', params);
	return refunds.map((refund) => moneyOutput(refund));
}
