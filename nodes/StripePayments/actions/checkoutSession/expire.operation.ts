import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { checkoutSessionLocator } from './get.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['expire'] } },
	[checkoutSessionLocator, idempotencyOption],
);

/** Closes an open session so the customer can no longer pay through it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = locatedId.call(this, 'checkoutSession', itemIndex);
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, 'checkoutSession.expire');
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/checkout/sessions/${pathId(sessionId)}/expire`,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
