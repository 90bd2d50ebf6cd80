import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	const refunds = await listWithLimit.call(this, itemIndex, '/v1/refunds', params);
	return refunds.map((refund) => moneyOutput(refund));
}
