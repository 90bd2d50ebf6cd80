import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { STRIPE_EVENT_TYPES } from '../../../core/stripe/eventTypes.generated';
import { eventTypeFilter } from '../../../nodes/StripePayments/actions/event/eventTypeFilter';
import { stripeFixture } from '../../fixtures/stripe';
import { intentSucceeded } from '../stripePaymentsTrigger/events';
import { assertStripeRequest } from './expectRequest';
import { runStripePayments, stripeMock, TEST_KEY, useStripeTestHooks } from './support';

const event = (id: string, created: number): IDataObject => ({
	...stripeFixture('event'),
	id,
	created,
	type: 'invoice.payment_failed',
});

describe('Stripe Payments › Event (workflow through n8n-core)', () => {
	useStripeTestHooks();

	it('get: GET /v1/events/{id}, the event as Stripe sent it', async () => {
		const { scope, requests } = stripeMock();
		const fixture = stripeFixture('event');
		scope.get(`/v1/events/${String(fixture.id)}`).reply(200, fixture);

		const { output } = await runStripePayments({
			resource: 'event',
			operation: 'get',
			eventId: String(fixture.id),
		});

		assertStripeRequest(requests[0], { method: 'GET', path: `/v1/events/${String(fixture.id)}` });
		assert.deepEqual(output[0].json, fixture);
	});

	it('list: pattern, since, undelivered only, every page, oldest first', async () => {
		const { scope, requests } = stripeMock();
		scope
			.get('/v1/events')
			.query((query) => query.starting_after === undefined)
			.reply(200, { object: 'list', data: [event('evt_3', 3), event('evt_2', 2)], has_more: true });
		scope
			.get('/v1/events')
			.query((query) => query.starting_after === 'evt_2')
			.reply(200, { object: 'list', data: [event('evt_1', 1)], has_more: false });

		const { output, error } = await runStripePayments({
			resource: 'event',
			operation: 'list',
			eventTypes: 'invoice.*',
			createdSince: '2026-11-01T00:00:00.000Z',
			returnAll: true,
			eventOptions: { onlyUndelivered: true, oldestFirst: true },
		});

		assert.equal(error, undefined);
		assert.equal(requests.length, 2);
		const firstPage = {
			type: 'invoice.*',
			'created[gte]': String(Date.parse('2026-11-01T00:00:00Z') / 1000),
			delivery_success: 'false',
			limit: '100',
		};
		assertStripeRequest(requests[0], { method: 'GET', path: '/v1/events', query: firstPage });
		assertStripeRequest(requests[1], {
			method: 'GET',
			path: '/v1/events',
			query: { ...firstPage, starting_after: 'evt_2' },
		});
		assert.deepEqual(
			output.map((item) => item.json.id),
			['evt_1', 'evt_2', 'evt_3'],
		);
	});

	it('list: several exact types go in types[]; created before closes the window', async () => {
		const { scope, requests } = stripeMock();
		scope.get('/v1/events').query(true).reply(200, { object: 'list', data: [], has_more: false });

		await runStripePayments({
			resource: 'event',
			operation: 'list',
			eventTypes: 'invoice.payment_failed, payment_intent.succeeded',
			eventOptions: { createdBefore: '2026-11-02T00:00:00Z' },
			limit: 10,
		});

		assertStripeRequest(requests[0], {
			method: 'GET',
			path: '/v1/events',
			query: {
				'types[0]': 'invoice.payment_failed',
				'types[1]': 'payment_intent.succeeded',
				'created[lt]': String(Date.parse('2026-11-02T00:00:00Z') / 1000),
				limit: '10',
			},
		});
	});

	it('list, output like the trigger: meanings, payment block and object of each event', async () => {
		const { scope } = stripeMock();
		const events = [intentSucceeded('evt_paid'), stripeFixture('event')];
		scope
			.get('/v1/events')
			.query(true)
			.reply(200, { object: 'list', data: events, has_more: false });

		const { output, error } = await runStripePayments({
			resource: 'event',
			operation: 'list',
			eventOutput: 'normalized',
		});

		assert.equal(error, undefined);
		const [paid, plan] = output.map((item) => item.json);
		assert.deepEqual(Object.keys(paid).sort(), ['event', 'names', 'object', 'payment']);
		assert.equal((paid.event as IDataObject).id, 'evt_paid');
		assert.ok((paid.names as string[]).includes('payment.succeeded'));
		assert.equal((paid.payment as IDataObject).paid, true);
		assert.equal((paid.object as IDataObject).object, 'payment_intent');
		assert.deepEqual(plan.names, []);
		assert.equal(plan.payment, null);
	});

	it('list: a misspelt type is refused before any request (it would list nothing)', async () => {
		const { requests } = stripeMock();
		const { output } = await runStripePayments(
			{ resource: 'event', operation: 'list', eventTypes: 'payment_intent.succeed' },
			{ continueOnFail: true },
		);
		assert.equal(requests.length, 0);
		assert.match(
			String((output[0].json.error as IDataObject).message),
			/"payment_intent\.succeed" is not a Stripe event type/,
		);
	});

	describe('failure', () => {
		const missing = {
			error: {
				type: 'invalid_request_error',
				code: 'resource_missing',
				message: "No such event: 'evt_old'",
			},
		};

		it('with Continue on Fail: the structured error item', async () => {
			const { scope } = stripeMock();
			scope.get('/v1/events/evt_old').reply(404, missing, { 'request-id': 'req_evt' });

			const { output } = await runStripePayments(
				{ resource: 'event', operation: 'get', eventId: 'evt_old' },
				{ continueOnFail: true },
			);

			const item = output[0].json.error as IDataObject;
			assert.equal(item.code, 'resource_missing');
			assert.equal(item.requestId, 'req_evt');
		});

		it('without it: a NodeApiError, no key in it', async () => {
			const { scope } = stripeMock();
			scope.get('/v1/events/evt_old').reply(404, missing);

			const { error } = await runStripePayments({
				resource: 'event',
				operation: 'get',
				eventId: 'evt_old',
			});

			assert.equal(error?.name, 'NodeApiError');
			assert.match(String(error?.message), /No such event/);
			assert.doesNotMatch(JSON.stringify(error), new RegExp(TEST_KEY));
		});
	});
});

describe('Event › type filter (pure)', () => {
	it('one type or pattern → type; several exact types → types', () => {
		assert.deepEqual(eventTypeFilter(''), {});
		assert.deepEqual(eventTypeFilter(' invoice.paid '), { type: 'invoice.paid' });
		assert.deepEqual(eventTypeFilter('charge.dispute.*'), { type: 'charge.dispute.*' });
		assert.deepEqual(eventTypeFilter('invoice.paid,\ninvoice.payment_failed'), {
			types: ['invoice.paid', 'invoice.payment_failed'],
		});
	});

	it('refuses a pattern matching no type, a pattern among types, and more than 20 types', () => {
		assert.throws(() => eventTypeFilter('invoices.*'), /"invoices\.\*" is not a Stripe event type/);
		assert.throws(() => eventTypeFilter('invoice.*, charge.refunded'), /mixes a \* pattern/);
		const many = STRIPE_EVENT_TYPES.slice(0, 21).join(',');
		assert.throws(() => eventTypeFilter(many), /lists 21 types; Stripe filters on at most 20/);
	});
});
