import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../helpers/idempotency';
import { pathId } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { locatedId, stripeResourceLocator } from '../../helpers/resourceLocators';
import { stripeApiRequest } from '../../transport';

export const invoiceLocator = stripeResourceLocator('invoice', { name: 'invoice' });

/** POST /v1/invoices/{id}/{action} with the item's idempotency key: pay, send, void. */
export async function invoiceAction(
	this: IExecuteFunctions,
	itemIndex: number,
	action: 'pay' | 'send' | 'void',
	params?: IDataObject,
): Promise<IDataObject> {
	const invoiceId = locatedId.call(this, 'invoice', itemIndex);
	const idempotencyKey = idempotencyKeyFor.call(this, itemIndex, `invoice.${action}`);
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: `/v1/invoices/${pathId(invoiceId)}/${action}`,
		params,
		idempotencyKey,
		itemIndex,
	});
	return moneyOutput(body, idempotencyKey);
}

export async function retrieveInvoice(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const invoiceId = locatedId.call(this, 'invoice', itemIndex);
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/invoices/${pathId(invoiceId)}`,
		itemIndex,
	});
	return body;
}
