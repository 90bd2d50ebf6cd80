import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';

export const paymentLinkIdField: INodeProperties = {
	displayName: 'Payment Link ID',
	name: 'paymentLinkId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'plink_1MoC3ULkdIwHu7ixZjtGpVl2',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentLink'], operation: ['get'] } },
	[paymentLinkIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const linkId = String(this.getNodeParameter('paymentLinkId', itemIndex)).trim();
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/payment_links/${pathId(linkId)}`,
		itemIndex,
	});
	return moneyOutput(body);
}
