import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { checkedEmail, emailField } from './fields';
import { emailSearchQuery, metadataSearchQuery } from './searchQuery';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'email',
		options: [
			{ name: 'Email', value: 'email', description: 'Customers with this email (any case)' },
			{
				name: 'Metadata',
				value: 'metadata',
				description: 'Customers whose metadata key has this value',
			},
			{
				name: 'Query',
				value: 'query',
				description: 'A query in Stripe’s search query language',
			},
		],
	},
	{ ...emailField, required: true, displayOptions: { show: { searchBy: ['email'] } } },
	{
		displayName: 'Metadata Key',
		name: 'metadataKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user_id',
		displayOptions: { show: { searchBy: ['metadata'] } },
	},
	{
		displayName: 'Metadata Value',
		name: 'metadataValue',
		type: 'string',
		default: '',
		placeholder: '6735',
		displayOptions: { show: { searchBy: ['metadata'] } },
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name~"jenny" AND metadata["plan"]:"pro"',
		description:
			'Stripe search query language (https://docs.stripe.com/search#search-query-language)',
		displayOptions: { show: { searchBy: ['query'] } },
	},
	...returnAllFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['search'] } },
	properties,
);

/** The query Stripe runs; values the user typed are quoted and escaped, never pasted raw. */
export function customerSearchQuery(this: IExecuteFunctions, itemIndex: number): string {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as string;
	if (searchBy === 'email') {
		return emailSearchQuery(checkedEmail(this.getNodeParameter('email', itemIndex)));
	}
	if (searchBy === 'metadata') {
		const key = String(this.getNodeParameter('metadataKey', itemIndex, '')).trim();
		if (key === '') {
			throw new PaymentInputError('Metadata Key', 'is empty.', 'Set the key, such as user_id.');
		}
		const value = String(this.getNodeParameter('metadataValue', itemIndex, ''));
		return metadataSearchQuery(key, value);
	}
	const query = String(this.getNodeParameter('query', itemIndex, '')).trim();
	if (query === '') {
		throw new PaymentInputError('Query', 'is empty.', 'Write a query such as email:"a@b.com".');
	}
	return query;
}

/** Search is eventually consistent: a customer created in the last minute may be missing. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = customerSearchQuery.call(this, itemIndex);
	const customers = await listWithLimit.call(this, itemIndex, '/v1/customers/search', { query });
	return customers.map((customer) => stripeOutput(customer));
}
