import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { customIdempotencyKey } from '../../../../core/idempotency';
import { pathId } from '../../helpers/lists';
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

const OPERATION = 'customer.getOrCreateByEmail';

/** A chain longer than this means customers keep being deleted as they are created: stop. */
const MAX_CREATE_KEYS = 5;

/**
 * Search first (any case, but new customers take up to a minute to become searchable), then the
 * exact-email list (read-after-write consistent), then create. The address is created and listed in
 * lower case, so the same person typed in two cases is one customer, not an idempotency error.
 *
 * The create's idempotency key is derived from the email, so concurrent runs, in any workflow, get
 * one customer: Stripe replays the first creation to the others for 24 hours. A replay can name a
 * customer deleted since, so a replayed creation is read back; when it is deleted, or the key was
 * first used with other details and no customer with the email exists any more, the next key names
 * what was found (the deleted customer's id, or the refused key). Every run sees the same facts and
 * so follows the same chain of keys: concurrent runs still get one customer, a new one.
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
	let keyValue = email;
	for (let keys = 1; ; keys++) {
		const idempotencyKey = customIdempotencyKey(OPERATION, keyValue);
		const outcome = await stripeApiRequest
			.call(this, { method: 'POST', path: '/v1/customers', params, idempotencyKey, itemIndex })
			.then(
				(created) => ({ created }),
				(error: unknown) => ({ error }),
			);
		let gone: string;
		if ('created' in outcome) {
			const { body, idempotentReplayed } = outcome.created;
			if (!idempotentReplayed) {
				return { ...stripeOutput(body, idempotencyKey), customerCreated: true };
			}
			const current = await retrieveCustomer(this, itemIndex, String(body.id));
			if (current.deleted !== true) {
				return { ...stripeOutput(current, idempotencyKey), customerCreated: false };
			}
			gone = `deleted:${String(body.id)}`;
		} else {
			if (paymentErrorDetailsOf(outcome.error)?.category !== 'idempotency_conflict') {
				throw outcome.error;
			}
			// Another run created this customer first, with other details: it is listable by now.
			const existing = await listByEmail(this, itemIndex, email);
			if (existing) return { ...stripeOutput(existing, idempotencyKey), customerCreated: false };
			gone = `refused:${idempotencyKey}`;
		}
		if (keys === MAX_CREATE_KEYS) {
			throw new PaymentInputError(
				'Email',
				`customers with ${email} were deleted ${keys} times in the last 24 hours, each time after this node created one.`,
				'Check what deletes them before running again; Stripe forgets the creations after 24 hours.',
			);
		}
		// The deleted id and the refused key already belong to this email's chain (and stay short).
		keyValue = `after ${gone}`;
	}
}

async function retrieveCustomer(
	context: IExecuteFunctions,
	itemIndex: number,
	id: string,
): Promise<IDataObject> {
	const { body } = await stripeApiRequest.call(context, {
		method: 'GET',
		path: `/v1/customers/${pathId(id)}`,
		itemIndex,
	});
	return body;
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
