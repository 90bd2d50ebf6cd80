import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		default: 'call',
		options: [
			{
				name: 'Make an API Call',
				value: 'call',
				action: 'Make a stripe API call',
				description:
					'Call any Stripe endpoint with the node’s credential, retries, error mapping and idempotency key. A POST may move money.',
			},
		],
	},
	...call.description,
];
