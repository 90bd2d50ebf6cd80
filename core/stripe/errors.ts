import type { NextStep, PaymentErrorCategory, PaymentErrorDetails } from '../payments/types';
import { redactDeep, redactSecrets } from '../security/redact';
import { connectionErrorCode } from './retry';
import { findDeclineRule, GENERIC_DECLINE_RULE, type DeclineRule } from './declineCodes';

interface CategoryDefault {
	nextStep: NextStep;
	retryable: boolean;
	message: string;
	userMessage: string;
}

const TRY_LATER = 'We could not process your payment right now. Please try again later.';

/** What each category means and what to do about it, when nothing more specific applies. */
export const CATEGORY_DEFAULTS: Readonly<Record<PaymentErrorCategory, CategoryDefault>> = {
	card_declined: {
		nextStep: GENERIC_DECLINE_RULE.nextStep,
		retryable: false,
		message: GENERIC_DECLINE_RULE.message,
		userMessage: GENERIC_DECLINE_RULE.userMessage,
	},
	authentication_required: {
		nextStep: 'customer_must_authenticate',
		retryable: false,
		message:
			'The customer must authenticate this payment (3-D Secure). Send them a hosted checkout or payment link.',
		userMessage:
			'Your bank needs you to confirm this payment. Please complete it using the payment link we send you.',
	},
	invalid_request: {
		nextStep: 'fix_request',
		retryable: false,
		message: 'Stripe refused the request as invalid. Fix the parameter it names and send it again.',
		userMessage: TRY_LATER,
	},
	authentication: {
		nextStep: 'fix_credentials',
		retryable: false,
		message:
			'Stripe did not accept the API key: it is wrong, expired or revoked. Put a current secret or restricted key in the Paywire Stripe API credential.',
		userMessage: TRY_LATER,
	},
	permission: {
		nextStep: 'check_permissions',
		retryable: false,
		message:
			'The API key is not allowed to do this. For a restricted key, grant the permission this operation needs in the Stripe Dashboard (Developers → API keys); with a Connect account id, check the platform may act on that account.',
		userMessage: TRY_LATER,
	},
	not_found: {
		nextStep: 'fix_request',
		retryable: false,
		message:
			'Stripe has no such object. Check the id, and that it belongs to this account and this mode (test ids do not exist in live mode).',
		userMessage: TRY_LATER,
	},
	idempotency_conflict: {
		nextStep: 'fix_request',
		retryable: false,
		message:
			'This idempotency key was already used with different parameters, so Stripe refused it rather than risk a double payment. For a new payment use a new key (a different Custom value); for a retry send exactly the same parameters.',
		userMessage: TRY_LATER,
	},
	conflict: {
		nextStep: 'retry_later',
		retryable: true,
		message:
			'Another request with the same idempotency key, or on the same object, was still running. Retrying the same request is safe.',
		userMessage: TRY_LATER,
	},
	rate_limited: {
		nextStep: 'retry_later',
		retryable: true,
		message:
			'Stripe rate limit reached (by default about 25 requests per second in test mode and 100 in live mode). Lower the batch concurrency or retry later.',
		userMessage: TRY_LATER,
	},
	gateway_unavailable: {
		nextStep: 'retry_later',
		retryable: true,
		message:
			'Stripe had a server problem or was unavailable. Retrying with the same idempotency key cannot charge twice.',
		userMessage: TRY_LATER,
	},
	connection: {
		nextStep: 'retry_later',
		retryable: true,
		message:
			'No answer from Stripe (network problem). The request may or may not have arrived; retrying with the same idempotency key cannot charge twice.',
		userMessage: TRY_LATER,
	},
	configuration: {
		nextStep: 'check_configuration',
		retryable: false,
		message:
			'The Stripe account or credential is set up in a way that refuses this request. Check the mode, the Connect account id and the API base URL.',
		userMessage: TRY_LATER,
	},
};

/** Stripe `code` values on non-card errors that say more than the HTTP status does. */
const CODE_CATEGORIES: Readonly<Record<string, PaymentErrorCategory>> = {
	resource_missing: 'not_found',
	api_key_expired: 'authentication',
	platform_api_key_expired: 'authentication',
	secret_key_required: 'authentication',
	testmode_charges_only: 'configuration',
	livemode_mismatch: 'configuration',
	account_invalid: 'configuration',
	idempotency_key_in_use: 'conflict',
	lock_timeout: 'conflict',
	rate_limit: 'rate_limited',
};

/** Stripe `code` values after which sending anything again is pointless. */
const ALREADY_DONE_CODES = new Set(['charge_already_refunded', 'charge_already_captured']);

export interface StripeErrorResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string | undefined>;
}

/** Maps an error response onto the taxonomy from structured fields only, never message text. */
export function interpretStripeError(response: StripeErrorResponse): PaymentErrorDetails {
	const headers = response.headers ?? {};
	const error = readErrorObject(response.body);
	const fields = {
		httpStatus: response.status,
		type: text(error.type),
		code: text(error.code),
		declineCode: text(error.decline_code),
		adviceCode: text(error.advice_code),
		param: text(error.param),
		docUrl: text(error.doc_url),
		requestId: headers['request-id'],
		paymentId: objectId(error.payment_intent),
	};
	const isCardError = fields.type === 'card_error' || response.status === 402;
	const base = isCardError
		? cardErrorBase(fields.declineCode, fields.code, fields.adviceCode)
		: nonCardBase(response.status, fields.type, fields.code);

	const shouldRetry = headers['stripe-should-retry'];
	const retryable = shouldRetry === 'true' || (shouldRetry !== 'false' && base.retryable);
	const codeNote = isCardError
		? ` (Stripe code: ${fields.declineCode ?? fields.code ?? 'none'})`
		: '';
	// A 401 message only echoes the (masked) key; the category already says everything useful.
	const stripeSays =
		response.status !== 401 && text(error.message) ? ` Stripe says: "${text(error.message)}"` : '';
	const paramNote = fields.param ? ` Parameter: ${fields.param}.` : '';
	const details: PaymentErrorDetails = {
		category: base.category,
		message: `${base.message}${codeNote}${stripeSays}${paramNote}`,
		userMessage: base.userMessage,
		nextStep: base.nextStep,
		retryable,
		...fields,
	};
	// Every field, not only the message: a proxy or emulator may put anything in `code` or `param`.
	return redactDeep(withoutUndefined(details));
}

interface Base extends CategoryDefault {
	category: PaymentErrorCategory;
}

function cardErrorBase(declineCode?: string, code?: string, adviceCode?: string): Base {
	const rule: DeclineRule =
		findDeclineRule(declineCode) ?? findDeclineRule(code) ?? GENERIC_DECLINE_RULE;
	const base: Base = { ...rule, retryable: false };
	// Stripe's advice code is the network's own instruction; it tightens, never loosens, the rule.
	if (adviceCode === 'do_not_try_again' && !rule.reviewForFraud) base.nextStep = 'do_not_retry';
	if (adviceCode === 'try_again_later' && rule === GENERIC_DECLINE_RULE)
		base.nextStep = 'retry_later';
	return base;
}

function nonCardBase(status: number, type?: string, code?: string): Base {
	let category = categoryFromStatus(status, type);
	if (code && CODE_CATEGORIES[code]) category = CODE_CATEGORIES[code];
	const base: Base = { category, ...CATEGORY_DEFAULTS[category] };
	if (code && ALREADY_DONE_CODES.has(code)) {
		return {
			...base,
			nextStep: 'do_not_retry',
			message: 'This was already done on Stripe; doing it again is not possible.',
		};
	}
	return base;
}

function categoryFromStatus(status: number, type?: string): PaymentErrorCategory {
	if (type === 'idempotency_error') return 'idempotency_conflict';
	if (status === 401) return 'authentication';
	if (status === 403) return 'permission';
	if (status === 404) return 'not_found';
	if (status === 409) return 'conflict';
	if (status === 429) return 'rate_limited';
	if (status >= 500 || type === 'api_error') return 'gateway_unavailable';
	if (status >= 400) return 'invalid_request';
	return 'gateway_unavailable';
}

/** A failure before any response: connection reset, timeout, DNS, TLS. */
export function interpretConnectionError(error: unknown, attempts?: number): PaymentErrorDetails {
	const code = connectionErrorCode(error);
	const after = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
	const configuration = CONNECTION_CONFIGURATION_PROBLEMS[code ?? ''];
	if (configuration) {
		return {
			...CATEGORY_DEFAULTS.configuration,
			category: 'configuration',
			message: redactSecrets(`Could not reach Stripe (${code})${after}: ${configuration}`),
			code,
		};
	}
	const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
	return withoutUndefined({
		...CATEGORY_DEFAULTS.connection,
		category: 'connection' as const,
		message: redactSecrets(
			`${CATEGORY_DEFAULTS.connection.message} (${code ?? 'no response'}${after}${detail})`,
		),
		code,
	});
}

const BAD_CERTIFICATE = 'the server certificate is not trusted. Check the API base URL or proxy.';
const CONNECTION_CONFIGURATION_PROBLEMS: Readonly<Record<string, string>> = {
	ENOTFOUND: "the API base URL's host does not exist. Check the credential's API Base URL.",
	ERR_INVALID_URL: 'the API base URL is not a valid URL. Check the credential.',
	CERT_HAS_EXPIRED: BAD_CERTIFICATE,
	DEPTH_ZERO_SELF_SIGNED_CERT: BAD_CERTIFICATE,
	SELF_SIGNED_CERT_IN_CHAIN: BAD_CERTIFICATE,
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: BAD_CERTIFICATE,
	ERR_TLS_CERT_ALTNAME_INVALID: BAD_CERTIFICATE,
};

function readErrorObject(body: unknown): Record<string, unknown> {
	if (body && typeof body === 'object') {
		const error = (body as { error?: unknown }).error;
		if (error && typeof error === 'object') return error as Record<string, unknown>;
	}
	return {};
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Stripe sends some references expanded (an object with an id) and some as a bare id. */
function objectId(value: unknown): string | undefined {
	if (typeof value === 'string') return text(value);
	return value && typeof value === 'object' ? text((value as { id?: unknown }).id) : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
