import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';

export const checkoutSessionLocator = stripeResourceLocator('checkoutSession', {
	name: 'checkoutSession',
});

const properties: INodeProperties[] = [
	checkoutSessionLocator,
	{
		displayName: 'Include Line Items',
		name: 'includeLineItems',
		type: 'boolean',
		default: false,
		description: 'Whether to include what was bought (line_items)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['get'] } },
	properties,
);

/** Check `payment.paid` (not `status`): a completed checkout by bank debit may still be unpaid. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = locatedId.call(this, 'checkoutSession', itemIndex);
	const includeLineItems = this.getNodeParameter('includeLineItems', itemIndex, false) as boolean;
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/checkout/sessions/${pathId(sessionId)}`,
		params: includeLineItems ? { expand: ['line_items'] } : undefined,
		itemIndex,
	});
	return moneyOutput(body);
}
