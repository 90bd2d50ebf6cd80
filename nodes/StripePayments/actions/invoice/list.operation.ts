import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { filterParams, filtersField, listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { customerIdFilter } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['list'] } },
	[
		...returnAllFields,
		filtersField([
			customerIdFilter,
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
		]),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	const invoices = await listWithLimit.call(this, itemIndex, '/v1/invoices', params);
	return invoices.map((invoice) => moneyOutput(invoice));
}
