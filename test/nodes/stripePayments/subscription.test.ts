import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { assertStripeRequest } from './expectRequest';
import { runStripePayments, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

const subscription = (overrides: IDataObject = {}): IDataObject => ({
	...stripeFixture('subscription'),
	id: 'sub_1',
	...overrides,
});

describe('Stripe Payments › Subscription (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('get: GET /v1/subscriptions/{id}, with the normalised payment block', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/subscriptions/sub_1').reply(200, subscription({ status: 'past_due' }));

		const { output } = await runStripePayments({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: 'sub_1',
		});

		assertStripeRequest(requests[0], { method: 'GET', path: '/v1/subscriptions/sub_1' });
		const payment = output[0].json.payment as IDataObject;
		assert.equal(payment.kind, 'subscription');
		assert.equal(payment.nextStep, 'ask_for_new_payment_method');
	});

	it('list: customer and status filters', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/subscriptions')
			.query(true)
			.reply(200, { object: 'list', data: [subscription()], has_more: false });

		const { output } = await runStripePayments({
			resource: 'subscription',
			operation: 'list',
			filters: { customer: 'cus_1', status: 'past_due', price: '' },
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/subscriptions',
			query: { customer: 'cus_1', status: 'past_due', limit: '50' },
		});
		assert.equal(output[0].json.id, 'sub_1');
	});

	it('cancel at period end: POST cancel_at_period_end=true with the comment and a key', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/subscriptions/sub_1').reply(200, subscription({ cancel_at_period_end: true }));

		const { output } = await runStripePayments({
			resource: 'subscription',
			operation: 'cancel',
			subscriptionId: 'sub_1',
			cancelWhen: 'atPeriodEnd',
			cancelOptions: { comment: 'Too expensive', prorate: true },
		});

		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/subscriptions/sub_1',
			body: 'cancel_at_period_end=true&cancellation_details[comment]=Too%20expensive',
		});
		assert.equal(output[0].json.cancel_at_period_end, true);
		assert.equal(output[0].json.idempotencyKey, key);
	});

	it('cancel immediately: DELETE with invoice_now and prorate in the query, no key', async () => {
		const { scope, requests } = stripeMock();
		scope
			.delete('/v1/subscriptions/sub_1')
			.query(true)
			.reply(200, subscription({ status: 'canceled' }));

		const { output } = await runStripePayments({
			resource: 'subscription',
			operation: 'cancel',
			subscriptionId: 'sub_1',
			cancelWhen: 'immediately',
			cancelOptions: { invoice_now: true, prorate: true },
		});

		assertStripeRequest(requests[0], {
			method: 'DELETE',
			path: '/v1/subscriptions/sub_1',
			query: { invoice_now: 'true', prorate: 'true' },
		});
		assert.equal(output[0].json.status, 'canceled');
		assert.equal(output[0].json.idempotencyKey, undefined);
		assert.equal((output[0].json.payment as IDataObject).status, 'canceled');
	});

	it('resume, undoing a scheduled cancellation: POST cancel_at_period_end=false', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/subscriptions/sub_1').reply(200, subscription());

		const { output } = await runStripePayments({
			resource: 'subscription',
			operation: 'resume',
			subscriptionId: 'sub_1',
			resumeWhat: 'scheduledCancellation',
		});

		const key = assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/subscriptions/sub_1',
			body: 'cancel_at_period_end=false',
		});
		assert.equal(output[0].json.idempotencyKey, key);
	});

	it('resume a paused subscription: POST /resume with the billing cycle anchor', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/subscriptions/sub_1/resume').reply(200, subscription());

		await runStripePayments({
			resource: 'subscription',
			operation: 'resume',
			subscriptionId: 'sub_1',
			resumeWhat: 'paused',
			billingCycleAnchor: 'unchanged',
		});

		assertStripeRequest(requests[0], {
			method: 'POST',
			path: '/v1/subscriptions/sub_1/resume',
			body: 'billing_cycle_anchor=unchanged',
		});
	});

	it('cancel at period end and undo, same Custom key: two different Idempotency-Keys', async () => {
		const { scope, requests } = stripeMock();
		scope.post('/v1/subscriptions/sub_1').times(2).reply(200, subscription());
		const idempotency = { keyMode: 'custom', customKey: 'member-7' };

		await runStripePayments({
			resource: 'subscription',
			operation: 'cancel',
			subscriptionId: 'sub_1',
			cancelWhen: 'atPeriodEnd',
			idempotency,
		});
		await runStripePayments({
			resource: 'subscription',
			operation: 'resume',
			subscriptionId: 'sub_1',
			resumeWhat: 'scheduledCancellation',
			idempotency,
		});

		assert.notEqual(requests[0].headers['idempotency-key'], requests[1].headers['idempotency-key']);
	});

	describe('failure', () => {
		const notPaused = {
			error: {
				type: 'invalid_request_error',
				message: 'Only paused subscriptions can be resumed.',
			},
		};
		const parameters = {
			resource: 'subscription',
			operation: 'resume',
			subscriptionId: 'sub_1',
			resumeWhat: 'paused',
		};

		it('with Continue on Fail: the structured error item', async () => {
			const { scope } = stripeMock();
			scope
				.post('/v1/subscriptions/sub_1/resume')
				.reply(400, notPaused, { 'request-id': 'req_sub' });

			const { output } = await runStripePayments(parameters, { continueOnFail: true });

			const item = output[0].json.error as IDataObject;
			assert.equal(item.type, 'invalid_request_error');
			assert.equal(item.nextStep, 'fix_request');
			assert.equal(item.requestId, 'req_sub');
			assert.match(String(item.message), /Only paused subscriptions/);
		});

		it('without it: a NodeApiError, no key in it', async () => {
			const { scope } = stripeMock();
			scope.post('/v1/subscriptions/sub_1/resume').reply(400, notPaused);

			const { error } = await runStripePayments(parameters);

			assert.equal(error?.name, 'NodeApiError');
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});
