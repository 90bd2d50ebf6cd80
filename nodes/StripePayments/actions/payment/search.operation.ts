import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: "status:'succeeded' AND metadata['order_id']:'6735'",
		description:
			'Stripe search query language. New payments can take up to a minute to become searchable.',
	},
	...returnAllFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = String(this.getNodeParameter('query', itemIndex)).trim();
	const intents = await listWithLimit.call(this, itemIndex, '/v1/payment_intents/search', {
		query,
	});
	return intents.map((intent) => moneyOutput(intent));
}
