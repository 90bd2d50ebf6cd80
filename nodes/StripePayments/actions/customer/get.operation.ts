import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { customerLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	[customerLocator],
);

/** A deleted customer comes back as `{ id, object: 'customer', deleted: true }`, not an error. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = locatedId.call(this, 'customer', itemIndex);
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/customers/${pathId(customerId)}`,
		itemIndex,
	});
	return stripeOutput(body);
}
