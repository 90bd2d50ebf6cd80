import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { assertStripeRequest } from './expectRequest';
import { byId, runStripePayments, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

const parameters = {
	resource: 'billingPortal',
	operation: 'create',
	customer: byId('cus_QXg1o8vcGmoR32'),
	returnUrl: 'https://example.com/account',
};

describe('Stripe Payments › Billing Portal Session (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('create: customer, return URL and locale; the portal url and the key in the output', async () => {
		const { scope, requests } = stripeMock();
		const session = stripeFixture('billing_portal.session');
		scope.post('/v1/billing_portal/sessions').reply(200, session);

		const { output, error } = await runStripePayments({
			...parameters,
			portalOptions: { locale: 'fr', configuration: '' },
		});

		assert.equal(error, undefined);
		assert.equal(requests.length, 1);
		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/billing_portal/sessions',
			body: 'customer=cus_QXg1o8vcGmoR32&return_url=https%3A%2F%2Fexample.com%2Faccount&locale=fr',
		});
		assert.equal(output[0].json.url, session.url);
		assert.equal(output[0].json.idempotencyKey, key);
	});

	it('a Custom idempotency key is used as given (scoped to the operation)', async () => {
		const { scope, requests } = stripeMock();
		scope
			.post('/v1/billing_portal/sessions')
			.times(2)
			.reply(200, stripeFixture('billing_portal.session'));

		const custom = { idempotency: { keyMode: 'custom', customKey: 'order-42' } };
		await runStripePayments({ ...parameters, ...custom });
		await runStripePayments({ ...parameters, ...custom });

		assert.equal(requests.length, 2);
		assert.equal(requests[0].headers['idempotency-key'], requests[1].headers['idempotency-key']);
	});

	it('refuses a return URL that is not a web address, before any request', async () => {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(
			{ ...parameters, returnUrl: 'javascript:alert(1)' },
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 0);
		assert.match(String((output[0].json.error as IDataObject).message), /^Return URL:/);
	});

	describe('failure', () => {
		const notConfigured = {
			error: {
				type: 'invalid_request_error',
				message:
					'No configuration provided and your test mode default configuration has not been created.',
			},
		};

		it('with Continue on Fail: the structured error item', async () => {
			const { scope } = stripeMock();
			scope
				.post('/v1/billing_portal/sessions')
				.reply(400, notConfigured, { 'request-id': 'req_bp' });

			const { output } = await runStripePayments(parameters, { continueOnFail: true });

			const item = output[0].json.error as IDataObject;
			assert.equal(item.type, 'invalid_request_error');
			assert.equal(item.nextStep, 'fix_request');
			assert.equal(item.requestId, 'req_bp');
			assert.match(String(item.message), /default configuration/);
		});

		it('without it: a NodeApiError, no key in it', async () => {
			const { scope, requests } = stripeMock();
			scope.post('/v1/billing_portal/sessions').reply(400, notConfigured);

			const { error } = await runStripePayments(parameters);

			assert.equal(requests.length, 1);
			assert.equal(error?.name, 'NodeApiError');
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
