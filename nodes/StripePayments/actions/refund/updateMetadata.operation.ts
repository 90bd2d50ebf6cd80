import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { refundIdField } from './get.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['updateMetadata'] } },
	[
		refundIdField,
		metadataField({ description: 'Keys to set; an empty value removes that key on Stripe' }),
		idempotencyOption,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const refundId = String(this.getNodeParameter('refundId', itemIndex)).trim();
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'refund.updateMetadata');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/refunds/${pathId(refundId)}`,
		params: { metadata: metadataFor.call(this, itemIndex) ?? {} },
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
