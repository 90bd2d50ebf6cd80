import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getHostedUrl from './getHostedUrl.operation';
import * as list from './list.operation';
import * as pay from './pay.operation';
import * as send from './send.operation';
import * as voidInvoice from './void.operation';

export { get, getHostedUrl, list, pay, send, voidInvoice as void };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Retrieve an invoice, with payment.nextStep for a failed renewal (read-only)',
			},
			{
				name: 'Get Hosted Invoice URL',
				value: 'getHostedUrl',
				action: 'Get the hosted invoice URL',
				description:
					'Get the page where the customer pays the invoice or updates their card: hosted_invoice_url (read-only)',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List invoices',
				description: 'List invoices by customer, status or subscription, newest first (read-only)',
			},
			{
				name: 'Pay Now',
				value: 'pay',
				action: 'Pay an invoice now',
				description:
					'Charge the customer now for an open invoice (retry a failed renewal). Moves money; safe to retry (idempotency key).',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send an invoice',
				description: 'Email the invoice to the customer with its payment link (no money moves)',
			},
			{
				name: 'Void',
				value: 'void',
				action: 'Void an invoice',
				description:
					'Cancel an open invoice so it can no longer be paid; cannot be undone (no money moves)',
			},
		],
	},
	...get.description,
	...getHostedUrl.description,
	...list.description,
	...pay.description,
	...send.description,
	...voidInvoice.description,
];
