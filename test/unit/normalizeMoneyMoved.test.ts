import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeStripeEvent } from '../../core/stripe/events';
import { dropClientSecret, normalizeStripeObject } from '../../core/stripe/normalize';
import { GENERIC_DECLINE_USER_MESSAGE } from '../../core/stripe/declineCodes';
import { interpretStripeError } from '../../core/stripe/errors';
import { stripeFixture } from '../fixtures/stripe';
import type { StripeFixtureName } from '../fixtures/stripe';

/** Stripe's example object with the fields a case sets (test/fixtures/stripe, MIT). */
const normalized = (name: StripeFixtureName, changes: Record<string, unknown>) =>
	normalizeStripeObject({ ...stripeFixture(name), ...changes });

const RISK_WORDS = /highest_risk|elevated_risk|risk level|\brule\b|fraud|bank declined/i;

describe('the payment block reports money that moved', () => {
	it('a payment intent authorised for 20.00 and captured for 15.00 reports 15.00 received', () => {
		const payment = normalized('payment_intent', {
			status: 'succeeded',
			amount: 2000,
			amount_capturable: 0,
			amount_received: 1500,
			capture_method: 'manual',
			last_payment_error: null,
		});
		assert.equal(payment.paid, true);
		assert.equal(payment.amount, '15.00');
		assert.equal(payment.amountMinor, 1500);
		assert.equal(payment.amountRequested, '20.00');
	});

	it('authorised, not captured: not paid, the capturable amount', () => {
		const payment = normalized('payment_intent', {
			status: 'requires_capture',
			amount: 2000,
			amount_capturable: 2000,
			amount_received: 0,
			last_payment_error: null,
		});
		assert.equal(payment.paid, false);
		assert.equal(payment.amount, '20.00');
	});

	it('before any money moved: the amount asked for, not paid', () => {
		const payment = normalized('payment_intent', { status: 'processing', amount_received: 0 });
		assert.equal(payment.amount, '10.99');
		assert.equal(payment.paid, false);
	});

	it('a charge captured in part and refunded in part says all three', () => {
		const payment = normalized('charge', {
			status: 'succeeded',
			captured: true,
			amount: 2000,
			amount_captured: 1500,
			amount_refunded: 500,
			refunded: false,
		});
		assert.equal(payment.amount, '15.00');
		assert.equal(payment.amountRequested, '20.00');
		assert.equal(payment.amountRefunded, '5.00');
		assert.equal(payment.status, 'partially_refunded');
	});

	it('a payment intent with its charge expanded reports what was refunded', () => {
		const payment = normalized('payment_intent', {
			status: 'succeeded',
			amount_received: 1099,
			latest_charge: { ...stripeFixture<Record<string, unknown>>('charge'), amount_refunded: 300 },
		});
		assert.equal(payment.amountRefunded, '3.00');
	});

	it('a paid invoice reports amount_paid', () => {
		const payment = normalized('invoice', { status: 'paid', amount_due: 1000, amount_paid: 800 });
		assert.equal(payment.amount, '8.00');
	});
});

describe('Radar blocks are not bank declines', () => {
	for (const reason of ['highest_risk_level', 'elevated_risk_level', 'rule', null]) {
		it(`a charge blocked by Radar (${String(reason)}): review, generic wording, no risk reason`, () => {
			const payment = normalized('charge', {
				status: 'failed',
				paid: false,
				failure_code: 'card_declined',
				failure_message: 'Your card was declined.',
				outcome: {
					...(stripeFixture('charge').outcome as object),
					type: 'blocked',
					network_status: 'not_sent_to_network',
					reason,
					risk_level: 'highest',
					seller_message: 'Stripe blocked this payment as too risky.',
				},
			});
			assert.equal(payment.status, 'failed');
			assert.equal(payment.nextStep, 'review_for_fraud');
			assert.notEqual(payment.nextStep, 'ask_for_new_payment_method');
			assert.match(payment.reason ?? '', /before it was sent to the bank \(not a bank decline\)/);
			assert.doesNotMatch(payment.reason?.replace('Radar', '') ?? '', RISK_WORDS);
		});
	}

	it('a block for a low chance of authorisation asks for another method, not a review', () => {
		const payment = normalized('charge', {
			status: 'failed',
			outcome: { type: 'blocked', network_status: 'not_sent_to_network', reason: 'low_probability_of_authorization' },
		}); // prettier-ignore
		assert.equal(payment.nextStep, 'ask_for_new_payment_method');
		assert.match(payment.reason ?? '', /not a bank decline/);
	});

	it('a payment intent whose expanded charge was blocked says so', () => {
		const payment = normalized('payment_intent', {
			status: 'requires_payment_method',
			last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
			latest_charge: { ...stripeFixture<Record<string, unknown>>('charge'), status: 'failed', outcome: { type: 'blocked', reason: 'rule' } },
		}); // prettier-ignore
		assert.equal(payment.nextStep, 'review_for_fraud');
	});

	it('a Radar code as an API error: generic wording for the customer, review next', () => {
		for (const code of ['highest_risk_level', 'rule', 'merchant_blacklist']) {
			const details = interpretStripeError({
				status: 402,
				body: { error: { type: 'card_error', code: 'card_declined', decline_code: code } },
			});
			assert.equal(details.nextStep, 'review_for_fraud', code);
			assert.equal(details.userMessage, GENERIC_DECLINE_USER_MESSAGE);
			assert.doesNotMatch(details.message, /customer's bank declined/);
		}
	});
});

describe('outputs leave out client_secret', () => {
	it('blanks it on the object and on expanded children; serialised, it is gone', () => {
		const intent = stripeFixture('payment_intent');
		assert.ok(intent.client_secret, "Stripe's example payment intent has one");
		const invoice = {
			...stripeFixture('invoice'),
			confirmation_secret: { type: 'payment_intent', client_secret: 'pi_1_secret_2' },
		};
		const session = { ...stripeFixture('checkout.session'), payment_intent: intent, invoice };
		assert.equal(dropClientSecret(session), session);
		assert.equal(dropClientSecret(invoice), invoice);
		assert.equal(intent.client_secret, undefined);
		assert.doesNotMatch(JSON.stringify(session), /client_secret|_secret_/);
		assert.equal(session.payment_intent, intent, 'everything else kept');
		assert.equal(intent.id, 'pi_1PgafyB7WZ01zgkWSjxsAJo3');
	});

	it('a trigger item has no client_secret', () => {
		const event = {
			...stripeFixture('event'),
			type: 'payment_intent.succeeded',
			data: { object: { ...stripeFixture('payment_intent'), status: 'succeeded' } },
		};
		assert.doesNotMatch(JSON.stringify(normalizeStripeEvent(event).object), /_secret_/);
	});
});

describe("a subscription's recurring amount", () => {
	const subscription = (changes: Record<string, unknown>) =>
		normalized('subscription', { status: 'active', currency: 'usd', ...changes });

	it("is price × quantity when nothing changes it (Stripe's example: 20.00)", () => {
		assert.equal(subscription({}).amount, '20.00');
	});

	it('is unknown (null), not the list price, with a discount', () => {
		assert.equal(subscription({ discounts: ['di_1'] }).amount, null);
		assert.equal(subscription({ discount: { id: 'di_old', object: 'discount' } }).amount, null);
	});

	it('is unknown with tax added on top, exact with inclusive tax', () => {
		assert.equal(subscription({ automatic_tax: { enabled: true } }).amount, null);
		assert.equal(subscription({ default_tax_rates: ['txr_1'] }).amount, null);
		const inclusive = { id: 'txr_2', object: 'tax_rate', inclusive: true, percentage: 20 };
		assert.equal(subscription({ default_tax_rates: [inclusive] }).amount, '20.00');
	});
});
