import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import * as get from './get.operation';

export { create, deactivate, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment link',
				description:
					'Create a reusable payment page and return its URL; no money moves until a customer pays there',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				action: 'Deactivate a payment link',
				description:
					'Stop accepting payments through a link; payments already made stay paid (no money moves, no refund)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment link',
				description:
					'Retrieve one payment link by ID with its URL and whether it still accepts payments (read-only)',
			},
		],
	},
	...create.description,
	...get.description,
	...deactivate.description,
];
