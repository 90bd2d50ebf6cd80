import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['list'] } },
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
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'open',
					description: 'Open invoices include failed renewals that Stripe is still retrying',
					options: [
						{ name: 'Draft', value: 'draft' },
						{ name: 'Open', value: 'open' },
						{ name: 'Paid', value: 'paid' },
						{ name: 'Uncollectible', value: 'uncollectible' },
						{ name: 'Void', value: 'void' },
					],
				},
				{
					displayName: 'Subscription ID',
					name: 'subscription',
					type: 'string',
					default: '',
					placeholder: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
				},
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const name of ['customer', 'status', 'subscription']) {
		const value = filters[name];
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	const invoices = await listWithLimit.call(this, itemIndex, '/v1/invoices', params);
	return invoices.map((invoice) => moneyOutput(invoice));
}
