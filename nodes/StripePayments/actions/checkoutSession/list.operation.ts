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
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
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
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['list'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const name of ['customer', 'payment_intent', 'status']) {
		const value = filters[name];
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	if (filters.createdAfter) {
		params.created = { gte: Math.floor(new Date(String(filters.createdAfter)).getTime() / 1000) };
	}
	const sessions = await listWithLimit.call(this, itemIndex, '/v1/checkout/sessions', params);
	return sessions.map((session) => moneyOutput(session));
}
