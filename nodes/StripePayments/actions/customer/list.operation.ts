import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { filterParams, filtersField, listWithLimit, returnAllFields } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { checkedEmail, emailField } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['list'] } },
	[
		...returnAllFields,
		filtersField([
			{ ...emailField, description: 'Only customers with exactly this email (case-sensitive)' },
		]),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	if (typeof params.email === 'string') params.email = checkedEmail(params.email);
	const customers = await listWithLimit.call(this, itemIndex, '/v1/customers', params);
	return customers.map((customer) => stripeOutput(customer));
}
