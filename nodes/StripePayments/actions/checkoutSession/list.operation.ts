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
	createdAfterFilter,
	{
		displayName: 'Customer ID',
		name: 'customer',
		type: 'string',
		default: '',
		placeholder: 'cus_NffrFeUfNV2Hib',
	},
	{
		displayName: 'Payment Intent ID',
		name: 'payment_intent',
		type: 'string',
		default: '',
		placeholder: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: [
			{ name: 'Open', value: 'open' },
			{ name: 'Complete', value: 'complete' },
			{ name: 'Expired', value: 'expired' },
		],
	},
]);

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params = listFilterParams(filters, ['customer', 'payment_intent', 'status']);
	const sessions = await listWithLimit.call(this, itemIndex, '/v1/checkout/sessions', params);
	return sessions.map((session) => moneyOutput(session));
}
