import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import type { HttpMethod } from '../../../../core/http';
import { idempotencyKeyFor, idempotencyOption } from '../../helpers/idempotency';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { checkedApiPath, isApiV2 } from './apiPath';
import { paramsFromEntries, paramsFromJson } from './parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{
				name: 'POST',
				value: 'POST',
				description: 'Creates or changes; sent with an idempotency key',
			},
		],
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/v1/balance',
		description:
			'Stripe API path starting with /v1/ or /v2/ (see https://docs.stripe.com/api). Requests go to the credential’s Stripe account only.',
	},
	{
		displayName: 'Parameters',
		name: 'parametersFormat',
		type: 'options',
		default: 'keyValue',
		options: [
			{ name: 'Key/Value Pairs', value: 'keyValue' },
			{ name: 'JSON', value: 'json' },
		],
		description: 'Sent as the form body of a POST, or the query string of a GET or DELETE',
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show: { parametersFormat: ['keyValue'] } },
		options: [
			{
				displayName: 'Parameter',
				name: 'entries',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'metadata[order_id]',
						description: 'Stripe’s bracket notation: email, metadata[order_id], expand[]',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parametersJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { parametersFormat: ['json'] } },
		description:
			'Nested objects and arrays are sent in Stripe’s bracket notation; null is sent empty, which unsets (e.g. {"metadata": {"order": null}})',
	},
	{
		displayName: 'Split Lists Into Items',
		name: 'splitLists',
		type: 'boolean',
		default: true,
		description:
			'Whether to output one item per object when Stripe answers with a list or search result (one page)',
	},
	{ ...idempotencyOption, displayOptions: { show: { method: ['POST'] } } },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customApiCall'], operation: ['call'] } },
	properties,
);

function parametersFor(context: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	if (context.getNodeParameter('parametersFormat', itemIndex, 'keyValue') === 'json') {
		return paramsFromJson(context.getNodeParameter('parametersJson', itemIndex, '{}'));
	}
	const collection = context.getNodeParameter('parameters', itemIndex, {}) as {
		entries?: Array<{ name?: string; value?: unknown }>;
	};
	return paramsFromEntries(collection.entries);
}

/** Retries, error mapping, redaction and the card guard are the same as every other operation. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as HttpMethod;
	const path = checkedApiPath(this.getNodeParameter('path', itemIndex));
	const params = parametersFor(this, itemIndex);
	const hasParams = Object.keys(params).length > 0;
	if (method === 'POST' && hasParams && isApiV2(path)) {
		throw new PaymentInputError(
			'Parameters',
			'cannot be sent to a /v2/ endpoint: those take a JSON body and this node sends Stripe’s form encoding.',
			'Use a /v1/ endpoint, or the HTTP Request node for /v2/ writes.',
		);
	}
	if (method === 'POST' && path.includes('?')) {
		throw new PaymentInputError(
			'Path',
			'has a query string, which a POST does not send to Stripe as parameters.',
			'Move the query values into Parameters.',
		);
	}
	const idempotencyKey =
		method === 'POST'
			? idempotencyKeyFor.call(this, itemIndex, `customApiCall.${path}`)
			: undefined;
	const { body } = await stripeApiRequest.call(this, {
		method,
		path,
		params: hasParams ? params : undefined,
		idempotencyKey,
		itemIndex,
		// The user writes these parameters: a null means "unset" (metadata[key]=), as in Stripe's API.
		nulls: 'empty',
	});
	if (typeof body !== 'object' || body === null) {
		return [stripeOutput({ body: body as unknown as IDataObject }, idempotencyKey)];
	}
	const isList = body.object === 'list' || body.object === 'search_result';
	if (isList && Array.isArray(body.data) && this.getNodeParameter('splitLists', itemIndex, true)) {
		return (body.data as IDataObject[]).map((object) => stripeOutput(object, idempotencyKey));
	}
	return [stripeOutput(body, idempotencyKey)];
}
