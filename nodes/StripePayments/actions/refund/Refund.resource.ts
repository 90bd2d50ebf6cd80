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
				description: 'Cancel a refund that is still waiting for an action',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Refund a payment',
				description: 'Refund all or part of a payment; safe to retry (idempotency key)',
			},
			{ name: 'Get', value: 'get', action: 'Get a refund' },
			{ name: 'List', value: 'list', action: 'List refunds' },
			{
				name: 'Update Metadata',
				value: 'updateMetadata',
				action: 'Update a refund s metadata',
			},
		],
	},
	...create.description,
	...get.description,
	...list.description,
	...cancel.description,
	...updateMetadata.description,
];
