import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['list'] } },
	[
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
					displayName: 'Price ID',
					name: 'price',
					type: 'string',
					default: '',
					placeholder: 'price_1MoBy5LkdIwHu7ixZhnattbh',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'active',
					description: 'Without this filter Stripe leaves out canceled subscriptions',
					options: [
						{ name: 'Active', value: 'active' },
						{ name: 'All (Including Canceled)', value: 'all' },
						{ name: 'Canceled', value: 'canceled' },
						{ name: 'Ended', value: 'ended' },
						{ name: 'Incomplete', value: 'incomplete' },
						{ name: 'Incomplete Expired', value: 'incomplete_expired' },
						{ name: 'Past Due (Renewal Failed)', value: 'past_due' },
						{ name: 'Paused', value: 'paused' },
						{ name: 'Trialing', value: 'trialing' },
						{ name: 'Unpaid', value: 'unpaid' },
					],
				},
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const name of ['customer', 'price', 'status']) {
		const value = filters[name];
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	const subscriptions = await listWithLimit.call(this, itemIndex, '/v1/subscriptions', params);
	return subscriptions.map((subscription) => moneyOutput(subscription));
}
