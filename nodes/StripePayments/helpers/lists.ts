import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumberInRange } from '../../../core/payments/wholeNumbers';
import { stripeApiRequestAllItems } from '../transport';
import { updateDisplayOptions } from './updateDisplayOptions';

/** "Return All" and "Limit", the way every n8n list operation shows them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Every object, or up to Limit, of a Stripe list or search endpoint, paging as needed. */
export async function listWithLimit(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	params: IDataObject,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? undefined
		: wholeNumberInRange(this.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1 });
	return await stripeApiRequestAllItems.call(this, path, params, { limit, itemIndex });
}

export const createdAfterFilter: INodeProperties = {
	displayName: 'Created After',
	name: 'createdAfter',
	type: 'dateTime',
	default: '',
};

/** A Payment Intent ID filter (`payment_intent`), for lists of objects that belong to a payment. */
export const paymentIntentIdFilter: INodeProperties = {
	displayName: 'Payment Intent ID',
	name: 'payment_intent',
	type: 'string',
	default: '',
	placeholder: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
};

/** An id from a parameter, made safe to put in a path. */
export function pathId(id: string): string {
	return encodeURIComponent(id.trim());
}

/** The "Filters" collection of a list operation. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/**
 * Stripe list query parameters from the Filters collection: the text filters the user filled in,
 * trimmed (empty ones are left out), and `createdAfter` (a date) as `created[gte]` in Unix seconds.
 */
export function filterParams(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		if (name === createdAfterFilter.name) continue;
		if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
	}
	if (filters.createdAfter) {
		params.created = { gte: Math.floor(new Date(String(filters.createdAfter)).getTime() / 1000) };
	}
	return params;
}

/** A list operation's fields (Return All, Limit, Filters), shown for that resource's List. */
export function listDescription(resource: string, filters: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: ['list'] } }, [
		...returnAllFields,
		filtersField(filters),
	]);
}

/** The objects of a list operation: its Filters as query parameters, every one or up to Limit. */
export async function listFiltered(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
): Promise<IDataObject[]> {
	return await listWithLimit.call(this, itemIndex, path, filterParams.call(this, itemIndex));
}
