import type { INodeProperties } from 'n8n-workflow';

import * as detach from './detach.operation';
import * as list from './list.operation';

export { detach, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentMethod'] } },
		default: 'list',
		options: [
			{
				name: 'Detach',
				value: 'detach',
				action: 'Detach a payment method',
				description:
					'Remove a saved card or bank account from its customer; it can no longer be charged (no money moves)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List a customer s payment methods',
				description:
					'List the saved cards and bank accounts of a customer: brand, expiry, last four digits (read-only)',
			},
		],
	},
	...list.description,
	...detach.description,
];
