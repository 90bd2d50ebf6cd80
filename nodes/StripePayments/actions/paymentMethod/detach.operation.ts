import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { paymentMethodIdField } from '../payment/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentMethod'], operation: ['detach'] } },
	[paymentMethodIdField('The saved payment method to remove from its customer'), idempotencyOption],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const paymentMethodId = String(this.getNodeParameter('paymentMethodId', itemIndex)).trim();
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'paymentMethod.detach');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/payment_methods/${pathId(paymentMethodId)}/detach`,
		idempotencyKey,
		itemIndex,
	});
	return stripeOutput(body, idempotencyKey);
}
