import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { additionalFieldsField, checkedEmail, customerDetailsFor, emailField } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	[
		{
			...emailField,
			description:
				'Where Stripe sends receipts and invoices. To avoid duplicates, use Get or Create by Email instead.',
		},
		additionalFieldsField,
		metadataField(),
		idempotencyOption,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params: IDataObject = customerDetailsFor.call(this, itemIndex, 'additionalFields');
	const email = String(this.getNodeParameter('email', itemIndex, '')).trim();
	if (email !== '') params.email = checkedEmail(email);
	params.metadata = metadataFor.call(this, itemIndex);
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'customer.create');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: '/v1/customers',
		params,
		idempotencyKey,
		itemIndex,
	});
	return stripeOutput(body, idempotencyKey);
}
