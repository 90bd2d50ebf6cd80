import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { stripeResourceLocator } from '../../helpers/resourceLocators';

export const customerLocator = stripeResourceLocator('customer', { name: 'customer' });

/** A list filter by customer: a plain ID, as list filters do not take resource locators. */
export const customerIdFilter: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customer',
	type: 'string',
	default: '',
	placeholder: 'cus_NffrFeUfNV2Hib',
};

const emailPlaceholder = 'name@email.com';

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
};

/** The contact fields Stripe keeps on a customer, as the options of a collection. */
const detailOptions: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Internal note shown in the Stripe Dashboard',
	},
	{ ...emailField, description: 'Where Stripe sends receipts and invoices' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
];

/** Name and description for a new customer (the email is asked for separately). */
export const additionalFieldsField: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: detailOptions.filter((option) => option.name !== 'email'),
};

export const updateFieldsField: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Only the fields added here change; the others keep their value on Stripe',
	options: detailOptions,
};

/** The non-empty contact fields of a collection, trimmed, ready for Stripe's form body. */
export function customerDetailsFor(
	this: IExecuteFunctions,
	itemIndex: number,
	collectionName: 'additionalFields' | 'updateFields',
): IDataObject {
	const details = this.getNodeParameter(collectionName, itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	for (const option of detailOptions) {
		const value = details[option.name];
		if (typeof value === 'string' && value.trim() !== '') params[option.name] = value.trim();
	}
	if (typeof params.email === 'string') params.email = checkedEmail(params.email);
	return params;
}

/** An address Stripe will accept as a customer email, trimmed; refused early with the fix. */
export function checkedEmail(value: unknown, field = 'Email'): string {
	const email = String(value ?? '').trim();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
		throw new PaymentInputError(
			field,
			email === '' ? 'is empty.' : `"${email.slice(0, 80)}" is not an email address.`,
			`Use an address such as ${emailPlaceholder}.`,
		);
	}
	return email;
}
