import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { stripeOutput } from '../../helpers/output';
import { checkedRedirectUrl } from '../../helpers/redirectUrls';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { customerLocator } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['billingPortal'], operation: ['create'] } },
	[
		customerLocator,
		{
			displayName: 'Return URL',
			name: 'returnUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/account',
			description: 'Where the customer goes when they leave the portal',
		},
		{
			displayName: 'Options',
			name: 'portalOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Configuration ID',
					name: 'configuration',
					type: 'string',
					default: '',
					placeholder: 'bpc_1MrnZsLkdIwHu7ixNiQL1xPM',
					description: 'A portal configuration other than the default one set in the Dashboard',
				},
				{
					displayName: 'Locale',
					name: 'locale',
					type: 'string',
					default: '',
					placeholder: 'auto',
					description: 'Language of the portal, such as fr or auto (the browser’s)',
				},
			],
		},
		idempotencyOption,
	],
);

/** The session URL is short-lived and single-customer: send it, do not store it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params: IDataObject = {
		customer: locatedId.call(this, 'customer', itemIndex),
		return_url: checkedRedirectUrl(this.getNodeParameter('returnUrl', itemIndex), 'Return URL'),
	};
	const options = this.getNodeParameter('portalOptions', itemIndex, {}) as IDataObject;
	for (const name of ['configuration', 'locale']) {
		const value = options[name];
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'billingPortal.create');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/billing_portal/sessions',
		params,
		idempotencyKey,
		itemIndex,
	});
	return stripeOutput(body, idempotencyKey);
}
