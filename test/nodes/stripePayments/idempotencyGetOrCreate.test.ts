import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { customIdempotencyKey } from '../../../core/idempotency';
import { useStripeEmulator } from './emulatorSuite';
import { runStripePayments } from './support';

/**
 * Customer › Get or Create by Email after the customer was deleted, against the emulator (which
 * keeps idempotency keys for 24 hours like Stripe): the creation stored under the email's key names
 * the deleted customer, so replaying it would hand back a customer that no longer exists.
 */
describe('Stripe Payments › Get or Create by Email after a deletion (emulator)', () => {
	const suite = useStripeEmulator();

	const getOrCreate = async (emails: string[]) => {
		const { output, error } = await runStripePayments(
			{ resource: 'customer', operation: 'getOrCreateByEmail', email: '={{ $json.email }}' },
			{ items: emails.map((email) => ({ email })), credential: { baseUrl: suite.emulator.url } },
		);
		assert.equal(error, undefined, error?.message);
		return output.map((item) => item.json);
	};
	const liveCustomers = async (email: string) =>
		(await suite.stripe.customers.list({ email })).data.map((customer) => customer.id);

	it('creates a new customer instead of replaying the deleted one, then finds it', async () => {
		const email = 'grace@example.com';
		const [created] = await getOrCreate([email]);
		assert.equal(created.customerCreated, true);
		assert.equal(
			created.idempotencyKey,
			customIdempotencyKey('customer.getOrCreateByEmail', email),
		);
		await suite.stripe.customers.del(String(created.id));

		const [recreated] = await getOrCreate([email]);
		assert.notEqual(recreated.id, created.id);
		assert.equal(recreated.customerCreated, true);
		assert.equal(recreated.deleted, undefined);
		assert.equal(recreated.idempotentReplayed, false);
		assert.deepEqual(await liveCustomers(email), [recreated.id]);

		const [found] = await getOrCreate([email]);
		assert.equal(found.id, recreated.id);
		assert.equal(found.customerCreated, false);
	});

	it('after two deletions, two items of one run still get one new customer', async () => {
		const email = 'hopper@example.com';
		for (let round = 0; round < 2; round++) {
			const [customer] = await getOrCreate([email]);
			await suite.stripe.customers.del(String(customer.id));
		}

		const outputs: IDataObject[] = await getOrCreate([email, 'HOPPER@example.com']);

		const ids = new Set(outputs.map((output) => output.id));
		assert.equal(ids.size, 1, 'both items follow the same chain of keys to one customer');
		assert.deepEqual(await liveCustomers(email), [...ids]);
		assert.deepEqual(outputs.map((output) => output.customerCreated).sort(), [false, true]);
	});
});
