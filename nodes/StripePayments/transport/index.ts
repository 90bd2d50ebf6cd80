import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { StripeCallResult } from '../../../core/stripe/client';
import {
	stripeApiRequest as sendStripeCall,
	stripeApiRequestAllItems as listStripeObjects,
} from '../../shared/stripeTransport';
import type { StripeListOptions, StripeTransportCall } from '../../shared/stripeTransport';
import { connectAccountOf } from '../helpers/connectAccount';

export { stripeTransportSettings, STRIPE_CREDENTIAL_TYPE } from '../../shared/stripeTransport';
export type { StripeTransportCall, StripeListOptions } from '../../shared/stripeTransport';
export { paymentErrorDetailsOf, paymentErrorItem } from '../../shared/nodeErrors';

/**
 * The action node's Stripe call: the shared transport, with the Connect account of the item
 * (node field, else the triggering event's account; helpers/connectAccount.ts) on every call, so
 * no operation can forget it.
 */
export async function stripeApiRequest(
	this: IExecuteFunctions,
	call: StripeTransportCall,
): Promise<StripeCallResult<IDataObject>> {
	return await sendStripeCall.call(this, withConnectAccount(this, call));
}

/** Every object of a list or search endpoint, with the item's Connect account on every page. */
export async function stripeApiRequestAllItems<T extends IDataObject = IDataObject>(
	this: IExecuteFunctions,
	path: string,
	params: Record<string, unknown> = {},
	options: StripeListOptions = {},
): Promise<T[]> {
	return (await listStripeObjects.call(
		this,
		path,
		params,
		withConnectAccount(this, options),
	)) as T[];
}

/** A call that names neither an item nor an account of its own gets the item's Connect account. */
function withConnectAccount<Call extends { itemIndex?: number; stripeAccount?: string }>(
	context: IExecuteFunctions,
	call: Call,
): Call {
	if (call.itemIndex === undefined || call.stripeAccount !== undefined) return call;
	return { ...call, ...connectAccountOf.call(context, call.itemIndex) };
}
