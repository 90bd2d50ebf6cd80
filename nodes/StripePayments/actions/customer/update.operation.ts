import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { stripeOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { customerDetailsFor, customerLocator, updateFieldsField } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	[
		customerLocator,
		updateFieldsField,
		metadataField({
			description: 'Keys to set; other keys stay. An empty value removes that key on Stripe.',
		}),
		idempotencyOption,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = locatedId.call(this, 'customer', itemIndex);
	const params = customerDetailsFor.call(this, itemIndex, 'updateFields');
	params.metadata = metadataFor.call(this, itemIndex);
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'customer.update');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/customers/${pathId(customerId)}`,
		params,
		idempotencyKey,
		itemIndex,
	});
	return stripeOutput(body, idempotencyKey);
}
