import type { NextStep, PaymentErrorCategory } from '../payments/types';

/**
 * The decline table (GUIDE §5) as data, one row per group of Stripe `decline_code` / card error `code`
 * values. `message` is for the builder; `userMessage` is safe to show the paying customer and never
 * reveals a fraud, lost or stolen reason. No decline is `retryable` in the sense of "send the same
 * request again": Stripe stores a decline under its idempotency key and replays it, so a later retry
 * (dunning) has to be a new payment attempt with a new key.
 */
export interface DeclineRule {
	codes: readonly string[];
	category: Extract<
		PaymentErrorCategory,
		'card_declined' | 'authentication_required' | 'configuration'
	>;
	nextStep: NextStep;
	/** Flag the payment for a human fraud review. */
	reviewForFraud: boolean;
	message: string;
	userMessage: string;
}

export const GENERIC_DECLINE_USER_MESSAGE =
	'Your card was declined. Please use a different payment method or contact your card issuer.';

const NEW_ATTEMPT =
	'A later retry must be a new payment attempt (a new idempotency key): the same key replays this decline.';

/**
 * Stripe Radar blocked the payment before it reached the bank (charge `outcome.type: blocked`,
 * `network_status: not_sent_to_network`; `outcome.reason` highest_risk_level, elevated_risk_level,
 * rule; decline code merchant_blacklist for a block-list match). Not a bank decline: asking for
 * another card invites a card tester to try the next one, and the risk verdict is never shown.
 */
export const RADAR_BLOCK_RULE: DeclineRule = {
	codes: ['highest_risk_level', 'elevated_risk_level', 'rule', 'merchant_blacklist'],
	category: 'card_declined',
	nextStep: 'review_for_fraud',
	reviewForFraud: true,
	message:
		'Stripe blocked this payment before it was sent to the bank (not a bank decline), for a reason that must not be shown to the customer. Show them only the generic decline message, do not retry or ask for another card automatically, and review the payment in the Stripe Dashboard (Radar) if the customer is genuine.',
	userMessage: GENERIC_DECLINE_USER_MESSAGE,
};

/** Blocked by Stripe because the bank would almost certainly decline it (not a fraud verdict). */
const LOW_AUTHORIZATION_RULE: DeclineRule = {
	codes: ['low_probability_of_authorization'],
	category: 'card_declined',
	nextStep: 'ask_for_new_payment_method',
	reviewForFraud: false,
	message:
		'Stripe did not send this payment to the bank because it was very unlikely to be authorised (not a bank decline). Ask the customer for another payment method.',
	userMessage: GENERIC_DECLINE_USER_MESSAGE,
};

export const DECLINE_RULES: readonly DeclineRule[] = [
	{
		codes: [
			'generic_decline',
			'do_not_honor',
			'call_issuer',
			'transaction_not_allowed',
			'not_permitted',
			'no_action_taken',
			'card_declined',
			'invalid_account',
			'new_account_information_available',
			'revocation_of_authorization',
			'revocation_of_all_authorizations',
			'stop_payment_order',
			'service_not_allowed',
			'payment_intent_payment_attempt_failed',
		],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			"The customer's bank declined the card without giving a usable reason. Ask the customer for another payment method; do not retry this card automatically.",
		userMessage: GENERIC_DECLINE_USER_MESSAGE,
	},
	{
		codes: ['insufficient_funds', 'card_velocity_exceeded', 'withdrawal_count_limit_exceeded'],
		category: 'card_declined',
		nextStep: 'retry_later',
		reviewForFraud: false,
		message: `The card has insufficient funds or is over its limit. Retry later (dunning) or ask for another payment method. ${NEW_ATTEMPT}`,
		userMessage:
			'Your card has insufficient funds or has reached its limit. Please try again later or use a different payment method.',
	},
	{
		codes: [
			'lost_card',
			'stolen_card',
			'pickup_card',
			'restricted_card',
			'fraudulent',
			'security_violation',
		],
		category: 'card_declined',
		nextStep: 'review_for_fraud',
		reviewForFraud: true,
		message:
			'The card was declined for a reason that must not be shown to the customer. Show them only the generic decline message, never retry this card, and review the payment for fraud.',
		userMessage: GENERIC_DECLINE_USER_MESSAGE,
	},
	RADAR_BLOCK_RULE,
	LOW_AUTHORIZATION_RULE,
	{
		codes: ['expired_card', 'invalid_expiry_month', 'invalid_expiry_year'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			'The card has expired or its expiry date is wrong. Ask the customer for a new or corrected card.',
		userMessage:
			'Your card has expired or its expiry date is incorrect. Please check it or use a different card.',
	},
	{
		codes: ['incorrect_cvc', 'invalid_cvc'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			"The card's security code (CVC) is wrong. Ask the customer to correct it or use another card.",
		userMessage: "Your card's security code is incorrect. Please check it and try again.",
	},
	{
		codes: ['incorrect_number', 'invalid_number'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message: 'The card number is wrong. Ask the customer to correct it or use another card.',
		userMessage: 'Your card number is incorrect. Please check it and try again.',
	},
	{
		codes: ['incorrect_zip'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			"The postal code does not match the card's billing address. Ask the customer to correct it.",
		userMessage: 'Your postal code is incorrect. Please check it and try again.',
	},
	{
		codes: ['card_not_supported', 'currency_not_supported'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			'The card does not support this kind of purchase or this currency. Ask for another payment method.',
		userMessage: 'Your card does not support this purchase. Please use a different payment method.',
	},
	{
		codes: [
			'processing_error',
			'try_again_later',
			'issuer_not_available',
			'reenter_transaction',
			'approve_with_id',
			'card_decline_rate_limit_exceeded',
		],
		category: 'card_declined',
		nextStep: 'retry_later',
		reviewForFraud: false,
		message: `The bank or Stripe could not process the card just now. Retry later. ${NEW_ATTEMPT}`,
		userMessage: 'We could not process your card just now. Please try again in a little while.',
	},
	{
		codes: ['do_not_try_again'],
		category: 'card_declined',
		nextStep: 'do_not_retry',
		reviewForFraud: false,
		message:
			'The bank asked that this card not be charged again. Do not retry; ask for another payment method.',
		userMessage: GENERIC_DECLINE_USER_MESSAGE,
	},
	{
		codes: ['authentication_required'],
		category: 'authentication_required',
		nextStep: 'customer_must_authenticate',
		reviewForFraud: false,
		message:
			"The customer's bank requires them to authenticate this payment (3-D Secure), which cannot happen off-session. Send the customer a hosted checkout or payment link.",
		userMessage:
			'Your bank needs you to confirm this payment. Please complete it using the payment link we send you.',
	},
	{
		codes: ['payment_intent_authentication_failure', 'setup_intent_authentication_failure'],
		category: 'card_declined',
		nextStep: 'ask_for_new_payment_method',
		reviewForFraud: false,
		message:
			'The customer did not complete authentication (3-D Secure) for this payment. Ask them to try again or use another payment method.',
		userMessage:
			'We could not confirm this payment with your bank. Please try again or use a different payment method.',
	},
	{
		codes: ['duplicate_transaction'],
		category: 'card_declined',
		nextStep: 'look_for_earlier_payment',
		reviewForFraud: false,
		message:
			'The bank saw an identical payment very recently. Look for the earlier successful payment before charging again.',
		userMessage: 'A payment with the same details was just made. Please check before trying again.',
	},
	{
		codes: ['testmode_decline', 'live_mode_test_card'],
		category: 'configuration',
		nextStep: 'check_configuration',
		reviewForFraud: false,
		message:
			'A test card was used in live mode, or a live card in test mode. Check the credential mode and the payment method.',
		userMessage: GENERIC_DECLINE_USER_MESSAGE,
	},
];

/** For decline codes Stripe adds later: treat as the generic decline. */
export const GENERIC_DECLINE_RULE: DeclineRule = DECLINE_RULES[0];

const RULE_BY_CODE = new Map<string, DeclineRule>(
	DECLINE_RULES.flatMap((rule) => rule.codes.map((code) => [code, rule] as const)),
);

export function findDeclineRule(code: string | undefined): DeclineRule | undefined {
	return code ? RULE_BY_CODE.get(code) : undefined;
}

/**
 * The rule for a charge Stripe blocked (`outcome.type: blocked`), from its `outcome.reason`: an
 * unlikely authorisation keeps its own rule, anything else (a Radar reason, a rule, none, a reason
 * Stripe adds later) is a Radar block. Never the generic bank decline.
 */
export function blockedOutcomeRule(outcomeReason: string | null | undefined): DeclineRule {
	return outcomeReason === 'low_probability_of_authorization'
		? LOW_AUTHORIZATION_RULE
		: RADAR_BLOCK_RULE;
}
