import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as list from './list.operation';

export { get, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		default: 'list',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an event',
				description: 'Retrieve one Stripe event (webhook payload) by ID (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List events',
				description:
					'List past Stripe events by type and time, to catch up on missed webhooks (read-only, last 30 days)',
			},
		],
	},
	...get.description,
	...list.description,
];
