import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { checkedEmail, emailField } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['list'] } },
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
					...emailField,
					description: 'Only customers with exactly this email (case-sensitive)',
				},
			],
		},
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	if (typeof filters.email === 'string' && filters.email.trim() !== '') {
		params.email = checkedEmail(filters.email);
	}
	const customers = await listWithLimit.call(this, itemIndex, '/v1/customers', params);
	return customers.map((customer) => stripeOutput(customer));
}
