import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';

import { PaymentInputError } from '../../../core/errors';
import { withZapierErrors } from '../errors';
import { optionalText } from '../inputs';
import { stripeOutput } from '../output';
import { customerOutputFields } from '../outputFields';
import { getFromStripe } from '../step';

const inputFields = defineInputFields([
	{
		key: 'email',
		label: 'Email',
		type: 'string',
		required: true,
		helpText:
			'Exact email address (Stripe compares it case-sensitively). The most recent match is returned.',
	},
]);

const perform = (z: ZObject, bundle: Bundle) =>
	withZapierErrors(z, async () => {
		const email = optionalText(bundle.inputData.email);
		if (!email)
			throw new PaymentInputError('Email', 'is empty.', 'Map the customer’s email address.');
		const list = await getFromStripe(z, bundle, inputFields, '/v1/customers', { email, limit: 1 });
		const customers = Array.isArray(list.data) ? (list.data as Record<string, unknown>[]) : [];
		return customers.map((customer) => stripeOutput(customer));
	});

export const findCustomer = defineSearch({
	key: 'find_customer',
	noun: 'Customer',
	display: {
		label: 'Find Customer',
		description: 'Finds a Stripe customer by email address.',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 'cus_123',
			object: 'customer',
			email: 'jane@example.com',
			name: 'Jane Doe',
			metadata: {},
			livemode: false,
			created: 1767225600,
		},
		outputFields: customerOutputFields,
	},
});
