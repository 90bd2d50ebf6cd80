import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as resume from './resume.operation';

export { cancel, get, list, resume };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		default: 'get',
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a subscription',
				description:
					'Stop future renewals, now or at the end of the paid period (no refund is made)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a subscription',
				description:
					'Retrieve a subscription, with payment.nextStep when a renewal failed (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List subscriptions',
				description: 'List subscriptions by customer, price or status, e.g. past due (read-only)',
			},
			{
				name: 'Resume',
				value: 'resume',
				action: 'Resume a subscription',
				description:
					'Undo a scheduled cancellation, or resume a paused subscription (which may charge the customer now)',
			},
		],
	},
	...get.description,
	...list.description,
	...cancel.description,
	...resume.description,
];
