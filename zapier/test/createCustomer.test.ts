import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import {
	App,
	STRIPE,
	authData,
	formOf,
	run,
	stripeHeaders,
	useNock,
	zapierErrorOf,
} from './helpers';

const perform = App.creates.create_customer.operation.perform;

describe('create customer', () => {
	useNock();

	it('posts the customer with an idempotency key derived from the Zap and input', async () => {
		let sent: { body: string; key: string | string[] | undefined } | undefined;
		nock(STRIPE, stripeHeaders)
			.post('/v1/customers')
			.reply(function (_uri, body) {
				sent = { body: String(body), key: this.req.headers['idempotency-key'] };
				return [200, { id: 'cus_1', object: 'customer', email: 'jane@example.com' }];
			});
		const bundle = {
			authData,
			meta: { zap: { id: '777' } },
			inputData: { email: 'jane@example.com', name: 'Jane', metadata: { crm_id: '42' } },
		};
		const result = await run(perform, bundle);

		assert.deepEqual(formOf(sent!.body), {
			email: 'jane@example.com',
			name: 'Jane',
			'metadata[crm_id]': '42',
		});
		assert.match(String(sent!.key), /^paywire-[0-9a-f]{64}$/);
		assert.equal(result.id, 'cus_1');
		assert.equal(result.idempotencyKey, sent!.key);
	});

	it('maps a Stripe refusal to a plain message with the next step', async () => {
		nock(STRIPE)
			.post('/v1/customers')
			.reply(400, {
				error: {
					type: 'invalid_request_error',
					message: 'Invalid email address: x@y',
					param: 'email',
				},
			});
		await assert.rejects(
			run(perform, { authData, inputData: { email: 'x@y' } }),
			(error: unknown) => {
				const parsed = zapierErrorOf(error);
				assert.equal(parsed.code, 'fix_request');
				assert.equal(parsed.status, 400);
				assert.match(parsed.message, /Parameter: email\. Next step: fix_request\./);
				return true;
			},
		);
	});
});
