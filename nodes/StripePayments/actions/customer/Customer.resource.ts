import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCustomer from './delete.operation';
import * as get from './get.operation';
import * as getOrCreateByEmail from './getOrCreateByEmail.operation';
import * as list from './list.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export { create, deleteCustomer as delete, get, getOrCreateByEmail, list, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		default: 'getOrCreateByEmail',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a customer',
				description:
					'Create a new Stripe customer (no money moves). Creates a duplicate if one with the email exists.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a customer',
				description:
					'Permanently delete a customer and cancel their active subscriptions (no refund is made); cannot be undone',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: 'Retrieve one customer by ID (read-only)',
			},
			{
				name: 'Get or Create by Email',
				value: 'getOrCreateByEmail',
				action: 'Get or create a customer by email',
				description:
					'Find the customer with this email, or create one (no money moves); customerCreated says which. Safe to run concurrently.',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List customers',
				description: 'List customers, newest first, optionally with an exact email (read-only)',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search customers',
				description:
					'Find customers by email, metadata or a Stripe search query; new customers appear within a minute (read-only)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description:
					'Change a customer’s email, name, phone, description or metadata (no money moves)',
			},
		],
	},
	...create.description,
	...get.description,
	...getOrCreateByEmail.description,
	...update.description,
	...deleteCustomer.description,
	...list.description,
	...search.description,
];
