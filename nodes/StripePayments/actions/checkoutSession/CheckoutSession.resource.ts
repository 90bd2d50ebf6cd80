import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as expire from './expire.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export { create, expire, get, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['checkoutSession'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a checkout session',
				description:
					'Create a hosted payment page and return its URL for the customer; no money moves until they pay there',
			},
			{
				name: 'Expire',
				value: 'expire',
				action: 'Expire a checkout session',
				description:
					'Close an open payment page so the customer can no longer pay through it (no money moves)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a checkout session',
				description:
					'Check whether a checkout was paid: payment.paid, payment status and line items (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List checkout sessions',
				description:
					'List checkout sessions, newest first, by customer, payment or status such as open (read-only)',
			},
		],
	},
	...create.description,
	...get.description,
	...list.description,
	...expire.description,
];
