import { newId, nowSeconds, template } from './fixtures';
import { resourceMissing } from './errors';
import type { Scope, StripeObject } from './state';

/**
 * Stripe's test PaymentMethods (`pm_card_*`, see docs.stripe.com/testing) and how each behaves when
 * confirmed. As in Stripe, using a `pm_card_*` id creates a fresh `pm_…` PaymentMethod each time; the
 * emulator remembers that object's behaviour so a saved card keeps behaving like its test card.
 */
export type CardOutcome =
	| { kind: 'succeed'; dispute?: boolean; refundFails?: boolean }
	| { kind: 'decline'; code: string; declineCode: string; message: string }
	| { kind: 'authenticate'; onSetupOnly?: boolean };

interface TestCard {
	brand: string;
	last4: string;
	funding?: string;
	outcome: CardOutcome;
}

const DECLINED = 'Your card was declined.';

function decline(declineCode: string, message = DECLINED, code = 'card_declined'): CardOutcome {
	return { kind: 'decline', code, declineCode, message };
}

export const TEST_CARDS: Record<string, TestCard> = {
	pm_card_visa: { brand: 'visa', last4: '4242', outcome: { kind: 'succeed' } },
	pm_card_visa_debit: {
		brand: 'visa',
		last4: '5556',
		funding: 'debit',
		outcome: { kind: 'succeed' },
	},
	pm_card_mastercard: { brand: 'mastercard', last4: '4444', outcome: { kind: 'succeed' } },
	pm_card_amex: { brand: 'amex', last4: '8431', outcome: { kind: 'succeed' } },
	pm_card_us: { brand: 'visa', last4: '4242', outcome: { kind: 'succeed' } },
	pm_card_chargeDeclined: { brand: 'visa', last4: '0002', outcome: decline('generic_decline') },
	pm_card_chargeCustomerFail: { brand: 'visa', last4: '0341', outcome: decline('generic_decline') },
	pm_card_chargeDeclinedInsufficientFunds: {
		brand: 'visa',
		last4: '9995',
		outcome: decline('insufficient_funds', 'Your card has insufficient funds.'),
	},
	pm_card_chargeDeclinedLostCard: { brand: 'visa', last4: '9987', outcome: decline('lost_card') },
	pm_card_chargeDeclinedStolenCard: {
		brand: 'visa',
		last4: '9979',
		outcome: decline('stolen_card'),
	},
	pm_card_chargeDeclinedFraudulent: {
		brand: 'visa',
		last4: '0019',
		outcome: decline('fraudulent'),
	},
	pm_card_chargeDeclinedExpiredCard: {
		brand: 'visa',
		last4: '0069',
		outcome: decline('expired_card', 'Your card has expired.', 'expired_card'),
	},
	pm_card_chargeDeclinedIncorrectCvc: {
		brand: 'visa',
		last4: '0127',
		outcome: decline('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc'),
	},
	pm_card_chargeDeclinedProcessingError: {
		brand: 'visa',
		last4: '0119',
		outcome: decline(
			'processing_error',
			'An error occurred while processing your card. Try again in a little bit.',
			'processing_error',
		),
	},
	pm_card_authenticationRequired: {
		brand: 'visa',
		last4: '3184',
		outcome: { kind: 'authenticate' },
	},
	pm_card_threeDSecure2Required: {
		brand: 'visa',
		last4: '3220',
		outcome: { kind: 'authenticate' },
	},
	pm_card_authenticationRequiredOnSetup: {
		brand: 'visa',
		last4: '3155',
		outcome: { kind: 'authenticate', onSetupOnly: true },
	},
	pm_card_createDispute: {
		brand: 'visa',
		last4: '0259',
		outcome: { kind: 'succeed', dispute: true },
	},
	pm_card_refundFail: {
		brand: 'visa',
		last4: '5126',
		outcome: { kind: 'succeed', refundFails: true },
	},
};

/** Stripe declines its test cards in live mode. */
const LIVE_MODE_TEST_CARD = decline(
	'live_mode_test_card',
	'Your card was declined. Your request was in live mode, but used a known test card.',
);

function buildPaymentMethod(scope: Scope, card: TestCard): StripeObject {
	const pm = template('payment_method') as StripeObject;
	const base = pm.card as Record<string, unknown>;
	Object.assign(pm, {
		id: newId('pm'),
		created: nowSeconds(),
		customer: null,
		livemode: scope.livemode,
		metadata: {},
		billing_details: {
			address: {
				city: null,
				country: null,
				line1: null,
				line2: null,
				postal_code: null,
				state: null,
			},
			email: null,
			name: null,
			phone: null,
			tax_id: null,
		},
		card: {
			...base,
			brand: card.brand,
			display_brand: card.brand,
			last4: card.last4,
			funding: card.funding ?? 'credit',
			exp_month: 12,
			exp_year: new Date().getUTCFullYear() + 3,
			fingerprint: `fp${card.last4}${card.brand}`.slice(0, 16),
			generated_from: null,
			wallet: null,
			networks: { available: [card.brand], preferred: null },
		},
	});
	return pm;
}

/** The PaymentMethod a request names: a stored `pm_…`, or a new one made from a `pm_card_*` id. */
export function resolvePaymentMethod(
	scope: Scope,
	id: string,
	param = 'payment_method',
): { paymentMethod: StripeObject; outcome: CardOutcome } {
	const testCard = TEST_CARDS[id];
	if (testCard) {
		const pm = scope.put(buildPaymentMethod(scope, testCard));
		const outcome = scope.livemode ? LIVE_MODE_TEST_CARD : testCard.outcome;
		scope.hiddenOf(pm.id).outcome = outcome;
		return { paymentMethod: pm, outcome };
	}
	const stored = scope.get(id, 'payment_method', 'PaymentMethod', param);
	const outcome = scope.hiddenOf(id).outcome as CardOutcome | undefined;
	if (!outcome) throw resourceMissing('PaymentMethod', id, param);
	return { paymentMethod: stored, outcome };
}

export function cardDetailsOf(pm: StripeObject): Record<string, unknown> {
	return (pm.card ?? {}) as Record<string, unknown>;
}
