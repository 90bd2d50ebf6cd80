import { defineCreate, defineInputFields } from 'zapier-platform-core';

import { metadataField, referenceField } from '../fields';
import { metadataOf, optionalText } from '../inputs';
import { stripeOutput } from '../output';
import { customerOutputFields } from '../outputFields';
import { createPerform } from '../step';
import { PaymentInputError } from '../../../core/errors';

const inputFields = defineInputFields([
	{ key: 'email', label: 'Email', type: 'string', required: true },
	{ key: 'name', label: 'Name', type: 'string', required: false },
	{ key: 'phone', label: 'Phone', type: 'string', required: false },
	{ key: 'description', label: 'Description', type: 'string', required: false },
	metadataField,
	referenceField,
]);

export function customerParams(inputData: Record<string, unknown>): Record<string, unknown> {
	const email = optionalText(inputData.email);
	if (!email || !email.includes('@')) {
		throw new PaymentInputError(
			'Email',
			'is not an email address.',
			'Map the customer’s email, e.g. jane@example.com.',
		);
	}
	return {
		email,
		name: optionalText(inputData.name),
		phone: optionalText(inputData.phone),
		description: optionalText(inputData.description),
		metadata: metadataOf(inputData.metadata),
	};
}

const perform = createPerform(
	{
		key: 'create_customer',
		fields: inputFields,
		path: '/v1/customers',
		params: customerParams,
	},
	stripeOutput,
);

export const createCustomer = defineCreate({
	key: 'create_customer',
	noun: 'Customer',
	display: {
		label: 'Create Customer',
		description:
			'Creates a Stripe customer. The same input in a replayed Zap returns the same customer.',
	},
	operation: {
		inputFields,
		perform,
		sample: {
			id: 'cus_123',
			object: 'customer',
			email: 'jane@example.com',
			name: 'Jane Doe',
			phone: null,
			description: null,
			metadata: { crm_id: '42' },
			livemode: false,
			created: 1767225600,
			idempotencyKey: 'paywire-0123abcd',
		},
		outputFields: [...customerOutputFields, { key: 'idempotencyKey', label: 'Idempotency Key' }],
	},
});
