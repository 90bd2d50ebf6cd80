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
				displayName: 'Customer ID',
				name: 'customer',
				type: 'string',
				default: '',
				placeholder: 'cus_NffrFeUfNV2Hib',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	if (typeof filters.customer === 'string' && filters.customer.trim()) {
		params.customer = filters.customer.trim();
	}
	if (filters.createdAfter) {
		params.created = { gte: Math.floor(new Date(String(filters.createdAfter)).getTime() / 1000) };
	}
	const intents = await listWithLimit.call(this, itemIndex, '/v1/payment_intents', params);
	return intents.map((intent) => moneyOutput(intent));
}
