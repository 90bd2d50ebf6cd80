import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { paymentLinkIdField } from './get.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentLink'], operation: ['deactivate'] } },
	[paymentLinkIdField, idempotencyOption],
);

/** Stops new payments through the link; payments already made are unaffected. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const linkId = String(this.getNodeParameter('paymentLinkId', itemIndex)).trim();
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'paymentLink.deactivate');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/payment_links/${pathId(linkId)}`,
		params: { active: false },
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
