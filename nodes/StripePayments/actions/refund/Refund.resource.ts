import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as updateMetadata from './updateMetadata.operation';

export { cancel, create, get, list, updateMetadata };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['refund'] } },
		default: 'create',
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a refund',
				description:
					'Cancel a refund still waiting for an action (requires_action); the money stays with you, no refund is made',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Refund a payment',
				description:
					'Refund all or part of a payment to the customer. Moves money; safe to retry (idempotency key).',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a refund',
				description:
					'Retrieve one refund by ID with its amount and status, e.g. pending or failed (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List refunds',
				description: 'List refunds, newest first, optionally of one payment or charge (read-only)',
			},
			{
				name: 'Update Metadata',
				value: 'updateMetadata',
				action: 'Update a refund s metadata',
				description:
					'Set or remove metadata keys on a refund, such as your own reference (no money moves)',
			},
		],
	},
	...create.description,
	...get.description,
	...list.description,
	...cancel.description,
	...updateMetadata.description,
];
