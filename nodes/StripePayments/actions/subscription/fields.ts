import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { stripeApiRequest } from '../../transport';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
};

export function subscriptionPath(this: IExecuteFunctions, itemIndex: number): string {
	const subscriptionId = String(this.getNodeParameter('subscriptionId', itemIndex)).trim();
	return `/v1/subscriptions/${pathId(subscriptionId)}`;
}

/** A POST on the subscription (or one of its sub-paths), keyed for this item and operation. */
export async function postToSubscription(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	suffix: '' | '/resume',
	params: IDataObject,
): Promise<IDataObject> {
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, `subscription.${operation}`);
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: subscriptionPath.call(this, itemIndex) + suffix,
		params,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}
