import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customIdempotencyKey } from '../../../../core/idempotency';
import { metadataField, metadataFor } from '../../helpers/metadata';
import { stripeOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { paymentErrorDetailsOf, stripeApiRequest } from '../../transport';
import { additionalFieldsField, checkedEmail, customerDetailsFor, emailField } from './fields';
import { emailSearchQuery } from './searchQuery';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getOrCreateByEmail'] } },
	[
		{
			...emailField,
			required: true,
			description:
				'The customer to find (any case). When none exists, one is created with this email in lower case.',
		},
		{
			...additionalFieldsField,
			description: 'Used only when the customer is created; an existing customer is not changed',
		},
		metadataField({ description: 'Used only when the customer is created' }),
	],
);

/**
 * Search first (any case, but new customers take up to a minute to become searchable), then the
 * exact-email list (read-after-write consistent), then create. The create's idempotency key is
 * derived from the email alone, so concurrent runs, in any workflow, get one customer: Stripe
 * replays the first creation to the others for 24 hours. The address is created and listed in
 * lower case, so the same person typed in two cases is one customer, not an idempotency error.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = checkedEmail(this.getNodeParameter('email', itemIndex)).toLowerCase();
	const found = await findByEmail(this, itemIndex, email);
	if (found) return { ...stripeOutput(found), customerCreated: false };

	const params: IDataObject = {
		...customerDetailsFor.call(this, itemIndex, 'additionalFields'),
		email,
		metadata: metadataFor.call(this, itemIndex),
	};
	const idempotencyKey = customIdempotencyKey('customer.getOrCreateByEmail', email);
	const outcome = await stripeApiRequest
		.call(this, { method: 'POST', path: '/v1/customers', params, idempotencyKey, itemIndex })
		.then(
			(created) => ({ created }),
			(error: unknown) => ({ error }),
		);
	if ('created' in outcome) {
		const { body, idempotentReplayed } = outcome.created;
		return { ...stripeOutput(body, idempotencyKey), customerCreated: !idempotentReplayed };
	}
	// Another run created this customer first, with other details: it is listable by now.
	const existing =
		paymentErrorDetailsOf(outcome.error)?.category === 'idempotency_conflict'
			? await listByEmail(this, itemIndex, email)
			: undefined;
	if (!existing) throw outcome.error;
	return { ...stripeOutput(existing, idempotencyKey), customerCreated: false };
}

/** Search (any case; up to a minute behind), then the exact-email list (read-after-write). */
async function findByEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<IDataObject | undefined> {
	const query = emailSearchQuery(email);
	return (
		(await oldestOf(context, itemIndex, '/v1/customers/search', { query })) ??
		(await listByEmail(context, itemIndex, email))
	);
}

async function listByEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<IDataObject | undefined> {
	return await oldestOf(context, itemIndex, '/v1/customers', { email });
}

/** One of several customers with the same email, the same one on every run: the oldest. */
async function oldestOf(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	params: IDataObject,
): Promise<IDataObject | undefined> {
	const { body } = await stripeApiRequest.call(context, {
		method: 'GET',
		path,
		params: { ...params, limit: 10 },
		itemIndex,
	});
	const customers = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	return [...customers].sort((a, b) => Number(a.created ?? 0) - Number(b.created ?? 0))[0];
}
