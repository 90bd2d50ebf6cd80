import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	createdAfterFilter,
	listFields,
	listFilterParams,
	listWithLimit,
} from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

const properties: INodeProperties[] = listFields([
	{
		displayName: 'Customer ID',
		name: 'customer',
		type: 'string',
		default: '',
		placeholder: 'cus_NffrFeUfNV2Hib',
	},
	createdAfterFilter,
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params = listFilterParams(filters, ['customer']);
	const intents = await listWithLimit.call(this, itemIndex, '/v1/payment_intents', params);
	return intents.map((intent) => moneyOutput(intent));
}
