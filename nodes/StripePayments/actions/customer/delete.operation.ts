import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { customerLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['delete'] } },
	[customerLocator],
);

/** Stripe answers `{ id, object: 'customer', deleted: true }`; deleting twice is a 404. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = locatedId.call(this, 'customer', itemIndex);
	const { body } = await stripeApiRequest.call(this, {
		method: 'DELETE',
		path: `/v1/customers/${pathId(customerId)}`,
		itemIndex,
	});
	return stripeOutput(body);
}
