import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PaymentInputError } from '../../core/errors';
import { normalizeStripeObject } from '../../core/stripe/normalize';
import { stripeFixture, type StripeFixtureName } from '../fixtures/stripe';

type Variant = Record<string, unknown>;

function normalized(name: StripeFixtureName, changes: Variant = {}) {
	return normalizeStripeObject({ ...stripeFixture(name), ...changes });
}

const CREATED_AT = '2009-02-13T23:31:30.000Z'; // Stripe's fixtures use created: 1234567890
const cardError = (fields: Variant) => ({ last_payment_error: { type: 'card_error', ...fields } });

describe('normalizeStripeObject: payment_intent', () => {
	it("reads Stripe's example payment intent", () => {
		const payment = normalized('payment_intent');
		assert.equal(payment.gateway, 'stripe');
		assert.equal(payment.kind, 'payment');
		assert.equal(payment.id, 'pi_1PgafyB7WZ01zgkWSjxsAJo3');
		assert.equal(payment.paymentId, payment.id);
		assert.equal(payment.status, 'requires_payment_method');
		assert.equal(payment.paid, false);
		assert.equal(payment.amount, '10.99');
		assert.equal(payment.amountMinor, 1099);
		assert.equal(payment.currency, 'usd');
		assert.equal(payment.createdAt, CREATED_AT);
		assert.equal(payment.livemode, false);
		assert.deepEqual(payment.metadata, {});
	});

	it('is paid only when it succeeded, with the customer id from a string or an expanded object', () => {
		const succeeded = normalized('payment_intent', {
			status: 'succeeded',
			customer: 'cus_123',
			last_payment_error: null,
			metadata: { order: '42', ignored: 7 },
		});
		assert.equal(succeeded.paid, true);
		assert.equal(succeeded.status, 'succeeded');
		assert.equal(succeeded.nextStep, 'none');
		assert.equal(succeeded.reason, null);
		assert.equal(succeeded.customerId, 'cus_123');
		assert.deepEqual(succeeded.metadata, { order: '42' });

		const expanded = normalized('payment_intent', {
			status: 'succeeded',
			customer: { id: 'cus_456', object: 'customer', email: 'jenny@example.com' },
		});
		assert.equal(expanded.customerId, 'cus_456');
		assert.equal(expanded.customerEmail, 'jenny@example.com');
	});

	it('requires_action with a redirect: the customer authenticates at next_action.redirect_to_url', () => {
		const url = 'https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_123';
		const payment = normalized('payment_intent', {
			status: 'requires_action',
			last_payment_error: null,
			next_action: { type: 'redirect_to_url', redirect_to_url: { url, return_url: null } },
		});
		assert.equal(payment.paid, false);
		assert.equal(payment.status, 'requires_action');
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.nextStepUrl, url);
	});

	it('requires_action through use_stripe_sdk: no URL, and the reason points to hosted checkout', () => {
		const payment = normalized('payment_intent', {
			status: 'requires_action',
			next_action: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
		});
		assert.equal(payment.paid, false);
		assert.equal(payment.nextStep, 'customer_must_authenticate');
		assert.equal(payment.nextStepUrl, null);
		assert.match(payment.reason ?? '', /Stripe\.js.*hosted Checkout Session or Payment Link/);
	});

	const failures: Array<[Variant, string, RegExp]> = [
		[cardError({ code: 'card_declined', decline_code: 'generic_decline' }), 'ask_for_new_payment_method', /declined/],
		[cardError({ code: 'card_declined', decline_code: 'insufficient_funds' }), 'retry_later', /insufficient funds/],
		[cardError({ code: 'card_declined', decline_code: 'stolen_card' }), 'review_for_fraud', /must not be shown/],
		[cardError({ code: 'expired_card' }), 'ask_for_new_payment_method', /expired/],
		[cardError({ code: 'authentication_required', decline_code: 'authentication_required' }), 'customer_must_authenticate', /authenticate/],
	]; // prettier-ignore
	for (const [variant, nextStep, reason] of failures) {
		const error = variant.last_payment_error as Variant;
		it(`after a failure (${String(error.decline_code ?? error.code)}) → ${nextStep}`, () => {
			const payment = normalized('payment_intent', {
				status: 'requires_payment_method',
				...variant,
			});
			assert.equal(payment.paid, false);
			assert.equal(payment.status, 'requires_payment_method');
			assert.equal(payment.nextStep, nextStep);
			assert.match(payment.reason ?? '', reason);
			assert.ok(
				!/stolen|lost|fraudulent/.test(payment.reason ?? ''),
				'no fraud reason in `reason`',
			);
		});
	}

	it('asks for a payment method when none was tried yet', () => {
		const payment = normalized('payment_intent', { last_payment_error: null });
		assert.equal(payment.nextStep, 'ask_for_new_payment_method');
		assert.match(payment.reason ?? '', /No payment method/);
	});

	it('processing means wait, canceled means do not retry, requires_capture is not paid', () => {
		const processing = normalized('payment_intent', {
			status: 'processing',
			last_payment_error: null,
		});
		assert.deepEqual([processing.paid, processing.nextStep], [false, 'wait_for_payment']);
		const canceled = normalized('payment_intent', {
			status: 'canceled',
			cancellation_reason: 'abandoned',
		});
		assert.deepEqual([canceled.paid, canceled.nextStep], [false, 'do_not_retry']);
		assert.equal(canceled.reason, 'The payment was canceled (abandoned).');
		const uncaptured = normalized('payment_intent', { status: 'requires_capture' });
		assert.deepEqual([uncaptured.paid, uncaptured.status], [false, 'requires_capture']);
	});

	it('formats zero- and three-decimal amounts', () => {
		const yen = normalized('payment_intent', {
			status: 'succeeded',
			amount: 5000,
			currency: 'jpy',
		});
		assert.deepEqual([yen.amount, yen.amountMinor, yen.currency], ['5000', 5000, 'jpy']);
		const dinar = normalized('payment_intent', { amount: 1230, currency: 'BHD' });
		assert.deepEqual([dinar.amount, dinar.currency], ['1.230', 'bhd']);
	});
});

describe('normalizeStripeObject: checkout.session', () => {
	it("reads Stripe's example session: open, not paid, the customer can pay at its URL", () => {
		const session = normalized('checkout.session');
		assert.equal(session.kind, 'checkout');
		assert.equal(session.status, 'open');
		assert.equal(session.paid, false);
		assert.equal(session.nextStep, 'wait_for_payment');
		assert.match(session.nextStepUrl ?? '', /^https:\/\/checkout\.stripe\.com\//);
		assert.equal(session.paymentId, 'pi_1PgafyB7WZ01zgkWSjxsAJo3');
		assert.equal(session.customerEmail, 'example@example.com');
		assert.equal(session.amount, null);
	});

	const complete = { status: 'complete', amount_total: 2000, currency: 'usd' };

	it('complete and paid: the money arrived', () => {
		const session = normalized('checkout.session', {
			...complete,
			payment_status: 'paid',
			payment_intent: { id: 'pi_expanded', object: 'payment_intent' },
			customer: { id: 'cus_789', object: 'customer' },
		});
		assert.deepEqual([session.paid, session.status, session.nextStep], [true, 'succeeded', 'none']);
		assert.deepEqual(
			[session.amount, session.paymentId, session.customerId],
			['20.00', 'pi_expanded', 'cus_789'],
		);
	});

	it('complete but unpaid (delayed payment method): not paid, wait for the payment', () => {
		const session = normalized('checkout.session', { ...complete, payment_status: 'unpaid' });
		assert.equal(session.paid, false);
		assert.equal(session.status, 'processing');
		assert.equal(session.nextStep, 'wait_for_payment');
		assert.match(session.reason ?? '', /money has not arrived/);
	});

	it('complete without a payment required: not paid, and the status says why', () => {
		const session = normalized('checkout.session', {
			...complete,
			amount_total: 0,
			payment_status: 'no_payment_required',
		});
		assert.deepEqual([session.paid, session.status], [false, 'no_payment_required']);
	});

	it('expired: not paid, with the recovery URL when Stripe offers one', () => {
		const recovery = { enabled: true, url: 'https://buy.stripe.com/r/test_123' };
		const session = normalized('checkout.session', {
			status: 'expired',
			after_expiration: { recovery },
		});
		assert.deepEqual(
			[session.paid, session.status, session.nextStepUrl],
			[false, 'expired', recovery.url],
		);
	});
});

describe('normalizeStripeObject: refund and charge', () => {
	it('a succeeded refund means the money was returned', () => {
		const refund = normalized('refund');
		assert.deepEqual([refund.kind, refund.status, refund.paid], ['refund', 'succeeded', true]);
		assert.equal(refund.amount, '1.00');
		assert.equal(refund.paymentId, 'ch_1PgafuB7WZ01zgkWXYmPNZs8');
		assert.equal(normalized('refund', { payment_intent: 'pi_9' }).paymentId, 'pi_9');
	});

	it('a pending or failed refund has not returned anything', () => {
		const pending = normalized('refund', { status: 'pending' });
		assert.deepEqual([pending.paid, pending.nextStep], [false, 'wait_for_payment']);
		const failed = normalized('refund', {
			status: 'failed',
			failure_reason: 'expired_or_canceled_card',
		});
		assert.deepEqual(
			[failed.paid, failed.status, failed.nextStep],
			[false, 'failed', 'do_not_retry'],
		);
		assert.match(failed.reason ?? '', /expired or canceled card/);
	});

	it("reads Stripe's example charge: authorised but not captured is not paid", () => {
		const charge = normalized('charge');
		assert.deepEqual([charge.status, charge.paid], ['requires_capture', false]);
		const captured = normalized('charge', { captured: true, status: 'succeeded' });
		assert.deepEqual([captured.status, captured.paid], ['succeeded', true]);
		const partly = normalized('charge', {
			captured: true,
			status: 'succeeded',
			amount_refunded: 50,
		});
		assert.equal(partly.status, 'partially_refunded');
	});

	it('a failed charge maps its decline onto a next step', () => {
		const charge = normalized('charge', {
			status: 'failed',
			paid: false,
			failure_code: 'card_declined',
			outcome: { type: 'issuer_declined', reason: 'insufficient_funds' },
		});
		assert.deepEqual(
			[charge.status, charge.paid, charge.nextStep],
			['failed', false, 'retry_later'],
		);
	});
});

describe('normalizeStripeObject: dispute, invoice, subscription, payment_link', () => {
	it('a dispute needing a response: money at risk, evidence due, dashboard link', () => {
		const dispute = normalized('dispute');
		assert.deepEqual(
			[dispute.kind, dispute.status, dispute.paid],
			['dispute', 'requires_action', false],
		);
		assert.equal(dispute.nextStep, 'review_for_fraud');
		assert.equal(
			dispute.nextStepUrl,
			'https://dashboard.stripe.com/test/disputes/dp_1Pgc71B7WZ01zgkWMevJiAUx',
		);
		assert.match(dispute.reason ?? '', /reason: general.*by 2024-08-14T23:59:59\.000Z/);
	});

	it("reads Stripe's example invoice (draft) and an open one after failed attempts", () => {
		const draft = normalized('invoice');
		assert.deepEqual(
			[draft.kind, draft.status, draft.paid, draft.amount],
			['invoice', 'pending', false, '10.00'],
		);
		assert.equal(draft.customerId, 'cus_QXg1o8vcGmoR32');
		const hosted = 'https://invoice.stripe.com/i/acct_123/test_456';
		const dunning = normalized('invoice', {
			status: 'open',
			attempt_count: 2,
			next_payment_attempt: 1735689600,
			hosted_invoice_url: hosted,
			payments: { data: [{ payment: { type: 'payment_intent', payment_intent: 'pi_inv' } }] },
		});
		assert.deepEqual(
			[dunning.nextStep, dunning.nextStepUrl, dunning.paymentId],
			['ask_for_new_payment_method', hosted, 'pi_inv'],
		);
		assert.match(
			dunning.reason ?? '',
			/2 attempts; Stripe retries automatically at 2025-01-01T00:00:00\.000Z/,
		);
		assert.equal(normalized('invoice', { status: 'paid' }).paid, true);
	});

	it("reads Stripe's example subscription and a past-due one", () => {
		const active = normalized('subscription');
		assert.deepEqual(
			[active.kind, active.paid, active.amount, active.currency],
			['subscription', true, '20.00', 'usd'],
		);
		const pastDue = normalized('subscription', { status: 'past_due' });
		assert.deepEqual([pastDue.paid, pastDue.nextStep], [false, 'ask_for_new_payment_method']);
	});

	it('a payment link is never paid; an active one gives its URL to share', () => {
		const link = normalized('payment_link');
		assert.deepEqual(
			[link.kind, link.status, link.paid, link.amount],
			['payment_link', 'open', false, null],
		);
		assert.match(link.nextStepUrl ?? '', /^https:\/\//);
		assert.equal(normalized('payment_link', { active: false }).nextStepUrl, null);
	});

	it('refuses objects that are not payments', () => {
		assert.throws(
			() => normalizeStripeObject(stripeFixture('customer')),
			(error: unknown) =>
				error instanceof PaymentInputError &&
				error.field === 'object' &&
				/"customer"/.test(error.message),
		);
	});
});
