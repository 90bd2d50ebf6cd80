import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { NextStep } from '../../core/payments/types';
import {
	DECLINE_RULES,
	GENERIC_DECLINE_USER_MESSAGE,
	findDeclineRule,
} from '../../core/stripe/declineCodes';
import { interpretConnectionError, interpretStripeError } from '../../core/stripe/errors';

const cardError = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
	interpretStripeError({
		status: 402,
		body: { error: { type: 'card_error', message: 'Your card was declined.', ...fields } },
		headers: { 'request-id': 'req_123', ...headers },
	});

const apiError = (status: number, error: Record<string, unknown>, headers = {}) =>
	interpretStripeError({ status, body: { error }, headers });

/** GUIDE §5's decline table, typed out independently of the implementation's data. */
const GUIDE_TABLE: Array<[string, NextStep]> = [
	[
		'generic_decline do_not_honor call_issuer transaction_not_allowed not_permitted no_action_taken',
		'ask_for_new_payment_method',
	],
	['insufficient_funds card_velocity_exceeded', 'retry_later'],
	[
		'lost_card stolen_card pickup_card restricted_card fraudulent merchant_blacklist security_violation',
		'review_for_fraud',
	],
	[
		'expired_card incorrect_cvc invalid_cvc incorrect_number invalid_number incorrect_zip card_not_supported currency_not_supported',
		'ask_for_new_payment_method',
	],
	['processing_error try_again_later issuer_not_available reenter_transaction', 'retry_later'],
	['do_not_try_again', 'do_not_retry'],
	['authentication_required', 'customer_must_authenticate'],
	['duplicate_transaction', 'look_for_earlier_payment'],
	['testmode_decline live_mode_test_card', 'check_configuration'],
];
const FRAUD_CODES = GUIDE_TABLE[2][0].split(' ');

describe('interpretStripeError: the GUIDE §5 decline table', () => {
	for (const [codes, nextStep] of GUIDE_TABLE) {
		for (const declineCode of codes.split(' ')) {
			it(`${declineCode} → ${nextStep}, never retryable with the same key`, () => {
				const details = cardError({ code: 'card_declined', decline_code: declineCode });
				assert.equal(details.nextStep, nextStep);
				assert.equal(details.retryable, false);
				assert.equal(details.declineCode, declineCode);
				assert.match(details.message, new RegExp(`Stripe code: ${declineCode}`));
			});
		}
	}

	it('shows the customer only the generic decline for fraud, lost and stolen cards', () => {
		for (const code of FRAUD_CODES) {
			const details = cardError({ code: 'card_declined', decline_code: code });
			assert.equal(details.userMessage, GENERIC_DECLINE_USER_MESSAGE, code);
			assert.equal(details.category, 'card_declined');
			assert.doesNotMatch(
				details.userMessage,
				/fraud|lost|stolen|pick ?up|restricted|security|blacklist/i,
			);
		}
	});

	it('every row is data the docs can render: codes, next step and both messages', () => {
		const seen = new Set<string>();
		for (const rule of DECLINE_RULES) {
			assert.ok(rule.codes.length > 0 && rule.message.length > 20 && rule.userMessage.length > 20);
			for (const code of rule.codes) {
				assert.ok(!seen.has(code), `${code} appears twice`);
				seen.add(code);
				assert.equal(findDeclineRule(code), rule);
			}
		}
	});

	it('maps card error codes that come without a decline_code', () => {
		const details = cardError({ code: 'expired_card', param: 'exp_month' });
		assert.equal(details.nextStep, 'ask_for_new_payment_method');
		assert.match(details.userMessage, /expired/);
		assert.equal(details.param, 'exp_month');
	});

	it('treats an unknown decline code as the generic decline', () => {
		const details = cardError({ code: 'card_declined', decline_code: 'brand_new_code_2027' });
		assert.equal(details.nextStep, 'ask_for_new_payment_method');
		assert.equal(details.userMessage, GENERIC_DECLINE_USER_MESSAGE);
	});

	it('lets advice_code do_not_try_again forbid a retry', () => {
		const details = cardError({
			decline_code: 'insufficient_funds',
			advice_code: 'do_not_try_again',
		});
		assert.equal(details.nextStep, 'do_not_retry');
		assert.equal(details.adviceCode, 'do_not_try_again');
	});

	it('reports the off-session 3-D Secure case with the payment it concerns', () => {
		const details = cardError({
			code: 'authentication_required',
			decline_code: 'authentication_required',
			payment_intent: { id: 'pi_3DS', status: 'requires_payment_method' },
			doc_url: 'https://docs.stripe.com/error-codes/authentication-required',
		});
		assert.equal(details.category, 'authentication_required');
		assert.equal(details.nextStep, 'customer_must_authenticate');
		assert.equal(details.paymentId, 'pi_3DS');
		assert.equal(details.requestId, 'req_123');
		assert.equal(details.httpStatus, 402);
		assert.equal(details.docUrl, 'https://docs.stripe.com/error-codes/authentication-required');
	});

	it('maps on structured fields, never on the message text', () => {
		const misleading = cardError({
			decline_code: 'generic_decline',
			message: 'insufficient funds, stolen card',
		});
		assert.equal(misleading.nextStep, 'ask_for_new_payment_method');
		assert.equal(misleading.userMessage, GENERIC_DECLINE_USER_MESSAGE);
	});
});

describe('interpretStripeError: HTTP status and error type', () => {
	// status  error.type             error.code               category              next step            retryable
	const TABLE = `
		400  invalid_request_error  parameter_missing        invalid_request       fix_request          no
		400  idempotency_error      -                        idempotency_conflict  fix_request          no
		401  invalid_request_error  -                        authentication        fix_credentials      no
		401  invalid_request_error  api_key_expired          authentication        fix_credentials      no
		403  invalid_request_error  -                        permission            check_permissions    no
		404  invalid_request_error  resource_missing         not_found             fix_request          no
		400  invalid_request_error  resource_missing         not_found             fix_request          no
		409  invalid_request_error  idempotency_key_in_use   conflict              retry_later          yes
		429  invalid_request_error  rate_limit               rate_limited          retry_later          yes
		500  api_error              -                        gateway_unavailable   retry_later          yes
		503  -                      -                        gateway_unavailable   retry_later          yes
		400  invalid_request_error  charge_already_refunded  invalid_request       do_not_retry         no
		400  invalid_request_error  livemode_mismatch        configuration         check_configuration  no
		418  -                      -                        invalid_request       fix_request          no`;
	for (const row of TABLE.trim().split('\n')) {
		const [status, type, code, category, nextStep, retryable] = row.trim().split(/\s+/);
		it(`${status} ${type} ${code} → ${category} / ${nextStep}`, () => {
			const error = {
				type: type === '-' ? undefined : type,
				code: code === '-' ? undefined : code,
			};
			const details = apiError(Number(status), error);
			assert.equal(details.category, category);
			assert.equal(details.nextStep, nextStep);
			assert.equal(details.retryable, retryable === 'yes');
			assert.equal(details.httpStatus, Number(status));
		});
	}

	it('obeys Stripe-Should-Retry in the retryable flag', () => {
		assert.equal(
			apiError(500, { type: 'api_error' }, { 'stripe-should-retry': 'false' }).retryable,
			false,
		);
		assert.equal(
			apiError(400, { type: 'invalid_request_error' }, { 'stripe-should-retry': 'true' }).retryable,
			true,
		);
	});

	it('handles a body that is not Stripe JSON (a proxy error page)', () => {
		const details = interpretStripeError({
			status: 502,
			body: '<html>Bad gateway</html>',
			headers: {},
		});
		assert.equal(details.category, 'gateway_unavailable');
		assert.equal(details.retryable, true);
		assert.equal(details.code, undefined);
	});

	it("passes Stripe's explanation and the parameter on to the builder", () => {
		const details = apiError(400, {
			type: 'invalid_request_error',
			message: 'Missing required param: amount.',
			param: 'amount',
		});
		assert.match(details.message, /Stripe says: "Missing required param: amount\."/);
		assert.match(details.message, /Parameter: amount\./);
	});
});

describe('no secret survives in an interpreted error', () => {
	const LEAK = /(sk|rk)_(test|live)_(?!\[REDACTED\])|whsec_(?!\[REDACTED\])|51SecretTail|abcd1234/;
	const echoes = [
		'Invalid API Key provided: sk_test_****************************abcd1234',
		"The provided key 'rk_live_*********************************abcd1234' does not have the required permissions.",
		'You passed sk_live_51SecretTail in the description.',
		'Webhook secret whsec_51SecretTail is not valid here.',
		'Authorization: Bearer sk_test_51SecretTail',
	];
	for (const status of [400, 401, 402, 403, 404, 500]) {
		it(`status ${status}`, () => {
			for (const message of echoes) {
				const details = interpretStripeError({
					status,
					body: {
						error: {
							type: status === 402 ? 'card_error' : 'invalid_request_error',
							message,
							param: message,
							code: message,
							decline_code: message,
							doc_url: `https://docs.stripe.com/x?${message}`,
						},
					},
					headers: { 'request-id': message },
				});
				assert.doesNotMatch(JSON.stringify(details), LEAK, message);
			}
		});
	}

	it('in connection errors', () => {
		const error = Object.assign(
			new Error('connect failed for https://sk_live_51SecretTail@api.stripe.com'),
			{ code: 'ECONNRESET' },
		);
		assert.doesNotMatch(JSON.stringify(interpretConnectionError(error)), LEAK);
	});
});

describe('interpretConnectionError', () => {
	it('calls a reset or timeout a retryable connection problem', () => {
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']) {
			const details = interpretConnectionError(Object.assign(new Error('x'), { code }), 4);
			assert.equal(details.category, 'connection', code);
			assert.equal(details.retryable, true);
			assert.equal(details.nextStep, 'retry_later');
			assert.equal(details.code, code);
			assert.match(details.message, /after 4 attempts/);
		}
	});

	it('reads the code from a fetch failure cause', () => {
		const error = new TypeError('fetch failed', {
			cause: Object.assign(new Error('x'), { code: 'ETIMEDOUT' }),
		});
		assert.equal(interpretConnectionError(error).code, 'ETIMEDOUT');
	});

	it('calls an unknown host or bad certificate a configuration problem', () => {
		const notFound = interpretConnectionError(
			Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }),
		);
		assert.equal(notFound.category, 'configuration');
		assert.equal(notFound.retryable, false);
		assert.match(notFound.message, /API Base URL/);
		const certificate = interpretConnectionError(
			Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }),
		);
		assert.equal(certificate.nextStep, 'check_configuration');
	});

	it('copes with a thrown non-error', () => {
		const details = interpretConnectionError('socket closed');
		assert.equal(details.category, 'connection');
		assert.match(details.message, /no response/);
	});
});
