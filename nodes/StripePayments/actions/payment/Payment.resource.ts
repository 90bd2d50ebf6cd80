import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as capture from './capture.operation';
import * as charge from './charge.operation';
import * as createForOnSession from './createForOnSession.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as search from './search.operation';

export { cancel, capture, charge, createForOnSession, get, list, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		default: 'charge',
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a payment',
				description:
					'Cancel a payment not yet captured or completed; an authorisation is released (no money moves)',
			},
			{
				name: 'Capture',
				value: 'capture',
				action: 'Capture an authorised payment',
				description:
					'Take the money of a payment authorised with Capture: Later. Moves money; safe to retry (idempotency key).',
			},
			{
				name: 'Charge a Saved Payment Method',
				value: 'charge',
				action: 'Charge a saved payment method',
				description:
					'Charge a customer’s saved card while they are away. Moves money; safe to retry (idempotency key).',
			},
			{
				name: 'Create for On-Session Payment',
				value: 'createForOnSession',
				action: 'Create a payment for your own checkout page',
				description:
					'Create a payment the customer completes in your own page with Stripe.js; returns its client secret (no money moves until they confirm)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment',
				description:
					'Retrieve one payment by ID with its status and payment.nextStep after a failure (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List payments',
				description:
					'List payments, newest first, optionally of one customer or since a date (read-only)',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search payments',
				description:
					'Find payments by status, amount or metadata with a Stripe search query (read-only)',
			},
		],
	},
	...charge.description,
	...createForOnSession.description,
	...capture.description,
	...cancel.description,
	...get.description,
	...list.description,
	...search.description,
];
