import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';

export const refundIdField: INodeProperties = {
	displayName: 'Refund ID',
	name: 'refundId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 're_3MtwBwLkdIwHu7ix0bTdNeBe',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['get'] } },
	[refundIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const refundId = String(this.getNodeParameter('refundId', itemIndex)).trim();
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/refunds/${pathId(refundId)}`,
		itemIndex,
	});
	return moneyOutput(body);
}
