import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { refundIdField } from './get.operation';

/** Only a refund still in requires_action (some bank transfers) can be canceled. */
export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['cancel'] } },
	[refundIdField, idempotencyOption],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const refundId = String(this.getNodeParameter('refundId', itemIndex)).trim();
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'refund.cancel');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/refunds/${pathId(refundId)}/cancel`,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
