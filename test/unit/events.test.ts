import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import type { NormalizedEventName } from '../../core/payments/types';
import { findDeclineRule } from '../../core/stripe/declineCodes';
import {
	enabledEventsFor,
	NORMALIZED_EVENT_SOURCES,
	NORMALIZED_EVENTS,
	normalizeStripeEvent,
	onceKeysOf,
} from '../../core/stripe/events';
import { STRIPE_EVENT_TYPES } from '../../core/stripe/eventTypes.generated';
import { stripeFixture } from '../fixtures/stripe';
import type { StripeFixtureName } from '../fixtures/stripe';

type StripeObject = Record<string, unknown>;

/** Stripe's example event envelope around Stripe's example object, with the fields a test sets. */
function stripeEvent(type: string, name: StripeFixtureName, changes: StripeObject = {}) {
	const envelope = stripeFixture('event');
	const object = { ...stripeFixture(name), ...changes };
	return { ...envelope, id: `evt_${type.replace(/\W/g, '_')}`, type, data: { object } };
}

const names = (type: string, name: StripeFixtureName, changes: StripeObject = {}) =>
	normalizeStripeEvent(stripeEvent(type, name, changes)).names;

describe('normalizeStripeEvent on Stripe example objects', () => {
	it('keeps the event envelope: id, type, created, livemode, apiVersion', () => {
		const event = stripeEvent('payment_intent.succeeded', 'payment_intent', {
			status: 'succeeded',
		});
		const normalized = normalizeStripeEvent(event);
		assert.deepEqual(normalized.event, {
			id: event.id,
			type: 'payment_intent.succeeded',
			created: 1234567890,
			livemode: false,
			apiVersion: null,
			account: null,
		});
		assert.equal(normalized.object, event.data.object);
		assert.equal(normalized.object.client_secret, undefined, 'client_secret blanked');
		assert.doesNotMatch(JSON.stringify(normalized.object), /_secret_/);
	});

	it('payment_intent.succeeded → payment.succeeded, paid, with the amount in major units', () => {
		const normalized = normalizeStripeEvent(
			stripeEvent('payment_intent.succeeded', 'payment_intent', { status: 'succeeded' }),
		);
		assert.deepEqual(normalized.names, ['payment.succeeded']);
		assert.equal(normalized.payment?.paid, true);
		assert.equal(normalized.payment?.amount, '10.99');
		assert.equal(normalized.payment?.paymentId, 'pi_1PgafyB7WZ01zgkWSjxsAJo3');
	});

	it('checkout.session.completed paid → payment.succeeded and checkout.completed', () => {
		const paid = {
			status: 'complete',
			payment_status: 'paid',
			amount_total: 2000,
			currency: 'usd',
		};
		const normalized = normalizeStripeEvent(
			stripeEvent('checkout.session.completed', 'checkout.session', paid),
		);
		assert.deepEqual(normalized.names, ['payment.succeeded', 'checkout.completed']);
		assert.equal(normalized.payment?.paid, true);
		assert.equal(normalized.payment?.paymentId, 'pi_1PgafyB7WZ01zgkWSjxsAJo3');
	});

	it('checkout.session.completed unpaid is never payment.succeeded, only checkout.completed', () => {
		const unpaid = { status: 'complete', payment_status: 'unpaid' };
		const normalized = normalizeStripeEvent(
			stripeEvent('checkout.session.completed', 'checkout.session', unpaid),
		);
		assert.deepEqual(normalized.names, ['checkout.completed']);
		assert.equal(normalized.payment?.paid, false);
		assert.equal(normalized.payment?.nextStep, 'wait_for_payment');
		const noPayment = { status: 'complete', payment_status: 'no_payment_required' };
		assert.deepEqual(names('checkout.session.completed', 'checkout.session', noPayment), [
			'checkout.completed',
		]);
	});

	it('checkout.session.async_payment_succeeded → payment.succeeded', () => {
		const paid = { status: 'complete', payment_status: 'paid' };
		assert.deepEqual(names('checkout.session.async_payment_succeeded', 'checkout.session', paid), [
			'payment.succeeded',
		]);
	});

	it('checkout.session.async_payment_failed → payment.failed with a reason and a next step', () => {
		const unpaid = { status: 'complete', payment_status: 'unpaid' };
		const normalized = normalizeStripeEvent(
			stripeEvent('checkout.session.async_payment_failed', 'checkout.session', unpaid),
		);
		assert.deepEqual(normalized.names, ['payment.failed']);
		assert.equal(normalized.payment?.status, 'failed');
		assert.equal(normalized.payment?.nextStep, 'ask_for_new_payment_method');
		assert.match(normalized.payment?.reason ?? '', /delayed payment .* failed/);
	});

	it('payment_intent.payment_failed → payment.failed with the decline table reason and next step', () => {
		for (const declineCode of ['insufficient_funds', 'expired_card', 'stolen_card']) {
			const normalized = normalizeStripeEvent(
				stripeEvent('payment_intent.payment_failed', 'payment_intent', {
					status: 'requires_payment_method',
					last_payment_error: {
						type: 'card_error',
						code: 'card_declined',
						decline_code: declineCode,
					},
				}),
			);
			const rule = findDeclineRule(declineCode);
			assert.deepEqual(normalized.names, ['payment.failed']);
			assert.equal(normalized.payment?.nextStep, rule?.nextStep, declineCode);
			assert.equal(normalized.payment?.paid, false);
			assert.ok(normalized.payment?.reason, declineCode);
		}
	});

	it('payment_intent.requires_action → payment.requires_action with the URL to send the customer to', () => {
		const normalized = normalizeStripeEvent(
			stripeEvent('payment_intent.requires_action', 'payment_intent', {
				status: 'requires_action',
				next_action: {
					type: 'redirect_to_url',
					redirect_to_url: { url: 'https://hooks.stripe.com/3ds' },
				},
			}),
		);
		assert.deepEqual(normalized.names, ['payment.requires_action']);
		assert.equal(normalized.payment?.nextStep, 'customer_must_authenticate');
		assert.equal(normalized.payment?.nextStepUrl, 'https://hooks.stripe.com/3ds');
	});

	it('checkout.session.expired → checkout.expired', () => {
		const expired = { status: 'expired', payment_status: 'unpaid' };
		assert.deepEqual(names('checkout.session.expired', 'checkout.session', expired), [
			'checkout.expired',
		]);
	});

	it('refund.created/updated succeeded → refund.succeeded; pending means nothing yet', () => {
		assert.deepEqual(names('refund.created', 'refund'), ['refund.succeeded']);
		assert.deepEqual(names('refund.updated', 'refund'), ['refund.succeeded']);
		assert.deepEqual(names('refund.created', 'refund', { status: 'pending' }), []);
		assert.deepEqual(names('refund.failed', 'refund', { status: 'failed' }), ['refund.failed']);
	});

	it('charge.dispute.created → dispute.created with the dispute block', () => {
		const normalized = normalizeStripeEvent(stripeEvent('charge.dispute.created', 'dispute'));
		assert.deepEqual(normalized.names, ['dispute.created']);
		assert.equal(normalized.payment?.kind, 'dispute');
	});

	it('invoice.payment_failed of a subscription → subscription.payment_failed with dunning fields', () => {
		const normalized = normalizeStripeEvent(
			stripeEvent('invoice.payment_failed', 'invoice', {
				status: 'open',
				billing_reason: 'subscription_cycle',
				attempt_count: 2,
				next_payment_attempt: 1_800_000_000,
				hosted_invoice_url: 'https://invoice.stripe.com/i/acct_123/test_456',
			}),
		);
		assert.deepEqual(normalized.names, ['subscription.payment_failed']);
		assert.deepEqual(normalized.dunning, {
			attemptCount: 2,
			nextAttemptAt: '2027-01-15T08:00:00.000Z',
			hostedInvoiceUrl: 'https://invoice.stripe.com/i/acct_123/test_456',
		});
		assert.equal(normalized.payment?.nextStep, 'ask_for_new_payment_method');
		assert.equal(normalized.payment?.nextStepUrl, 'https://invoice.stripe.com/i/acct_123/test_456');
	});

	it('invoice.payment_failed of a one-off invoice is not a subscription payment failure', () => {
		assert.deepEqual(names('invoice.payment_failed', 'invoice', { billing_reason: 'manual' }), []);
	});

	it('customer.subscription.deleted → subscription.canceled', () => {
		const canceled = { status: 'canceled' };
		assert.deepEqual(names('customer.subscription.deleted', 'subscription', canceled), [
			'subscription.canceled',
		]);
	});

	it('raw events of other objects carry no payment block and no normalised name', () => {
		const normalized = normalizeStripeEvent(stripeFixture('event'));
		assert.equal(normalized.event.type, 'plan.created');
		assert.deepEqual(normalized.names, []);
		assert.equal(normalized.payment, null);
		assert.deepEqual(names('customer.created', 'customer'), []);
	});

	it('rejects a body that is not a Stripe event', () => {
		for (const body of [
			{},
			{ object: 'event', id: 'evt_1', type: 'x', created: 1 },
			{ ...stripeFixture('payment_intent') },
		]) {
			assert.throws(() => normalizeStripeEvent(body), PaymentInputError);
		}
	});
});

describe('once per payment', () => {
	it('a card checkout gives the same payment.succeeded key from both of its events', () => {
		const paidCheckout = normalizeStripeEvent(
			stripeEvent('checkout.session.completed', 'checkout.session', {
				status: 'complete',
				payment_status: 'paid',
			}),
		);
		const intent = normalizeStripeEvent(
			stripeEvent('payment_intent.succeeded', 'payment_intent', { status: 'succeeded' }),
		);
		const key = 'payment.succeeded:pi_1PgafyB7WZ01zgkWSjxsAJo3';
		assert.deepEqual([...onceKeysOf(paidCheckout)], [['payment.succeeded', key]]);
		assert.deepEqual([...onceKeysOf(intent)], [['payment.succeeded', key]]);
	});

	it('refund.created and refund.updated give one refund.succeeded key per refund', () => {
		const created = onceKeysOf(normalizeStripeEvent(stripeEvent('refund.created', 'refund')));
		const updated = onceKeysOf(normalizeStripeEvent(stripeEvent('refund.updated', 'refund')));
		assert.equal(created.get('refund.succeeded'), 'refund.succeeded:re_1Pgc72B7WZ01zgkWqPvrRrPE');
		assert.deepEqual(created, updated);
	});

	it('meanings without a once rule give no key', () => {
		const dispute = normalizeStripeEvent(stripeEvent('charge.dispute.created', 'dispute'));
		assert.equal(onceKeysOf(dispute).size, 0);
	});
});

describe('Confirm with Stripe (confirmedObject)', () => {
	it('drops a meaning the re-read object no longer has (requires_action delivered after success)', () => {
		const event = stripeEvent('payment_intent.requires_action', 'payment_intent', {
			status: 'requires_action',
		});
		const fresh = { ...stripeFixture('payment_intent'), status: 'succeeded' };
		const normalized = normalizeStripeEvent(event, { confirmedObject: fresh });
		assert.deepEqual(normalized.names, []);
		assert.equal(normalized.object, fresh);
		assert.equal((fresh as Record<string, unknown>).client_secret, undefined);
		assert.equal(normalized.payment?.status, 'succeeded');
	});

	it('keeps meanings that still hold and reports the re-read state', () => {
		const paid = { status: 'complete', payment_status: 'paid' };
		const event = stripeEvent('checkout.session.completed', 'checkout.session', paid);
		const fresh = {
			...stripeFixture('checkout.session'),
			...paid,
			amount_total: 500,
			currency: 'eur',
		};
		const normalized = normalizeStripeEvent(event, { confirmedObject: fresh });
		assert.deepEqual(normalized.names, ['payment.succeeded', 'checkout.completed']);
		assert.equal(normalized.payment?.amount, '5.00');
	});

	it('refuses an object with another id', () => {
		const event = stripeEvent('payment_intent.succeeded', 'payment_intent', {
			status: 'succeeded',
		});
		const other = { ...stripeFixture('payment_intent'), id: 'pi_other' };
		assert.throws(() => normalizeStripeEvent(event, { confirmedObject: other }), PaymentInputError);
	});
});

describe('the event table', () => {
	it('enabledEventsFor gives the fewest raw types, sorted, plus raw types asked for', () => {
		assert.deepEqual(enabledEventsFor(['payment.succeeded']), [
			'checkout.session.async_payment_succeeded',
			'checkout.session.completed',
			'payment_intent.succeeded',
		]);
		assert.deepEqual(
			enabledEventsFor(['checkout.completed'], ['payout.paid', 'checkout.session.completed']),
			['checkout.session.completed', 'payout.paid'],
		);
		assert.deepEqual(enabledEventsFor([]), []);
	});

	it('every normalised name is offered once and has at least one source of a real Stripe type', () => {
		const offered = NORMALIZED_EVENTS.map((info) => info.name);
		assert.equal(new Set(offered).size, offered.length);
		for (const name of offered) {
			assert.ok(
				NORMALIZED_EVENT_SOURCES.some((source) => source.name === name),
				name,
			);
		}
		for (const source of NORMALIZED_EVENT_SOURCES) {
			assert.ok(offered.includes(source.name as NormalizedEventName));
			assert.ok((STRIPE_EVENT_TYPES as readonly string[]).includes(source.stripeType));
		}
	});
});
