import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { filterParams, filtersField, listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { customerIdFilter } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['list'] } },
	[
		...returnAllFields,
		filtersField([
			customerIdFilter,
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
		]),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	const subscriptions = await listWithLimit.call(this, itemIndex, '/v1/subscriptions', params);
	return subscriptions.map((subscription) => moneyOutput(subscription));
}
