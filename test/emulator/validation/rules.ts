import { invalidRequest, parameterMissing } from '../errors';
import type { FormParams, FormValue } from '../form';
import { assertSupportedCurrencies } from './currency';
import { paramName, validateAgainstStripeTypes } from './validate';

/**
 * Stripe's refusals that its type definitions cannot express: parameters valid only in one
 * Checkout mode or only with `confirm=true`, and formats (email addresses, URLs). The wording is
 * the emulator's; the error class and `param` are Stripe's.
 */
type Hash = { [key: string]: FormValue };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

function refuse(param: string, message: string): never {
	throw invalidRequest(message, { param, beforeExecution: true });
}

function text(params: Hash, path: string[]): string | undefined {
	let node: FormValue | undefined = params;
	for (const segment of path) {
		if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
		node = node[segment];
	}
	return typeof node === 'string' && node !== '' ? node : undefined;
}

function checkEmail(params: Hash, path: string[]): void {
	const value = text(params, path);
	if (value !== undefined && !EMAIL.test(value)) {
		refuse(paramName(path), `Invalid email address: ${value}`);
	}
}

function checkUrl(params: Hash, path: string[]): void {
	const value = text(params, path);
	if (value !== undefined && !URL_PATTERN.test(value)) {
		refuse(paramName(path), `Not a valid URL: ${value}`);
	}
}

const ONLY_IN_MODE: Array<[param: string, mode: string]> = [
	['payment_intent_data', 'payment'],
	['subscription_data', 'subscription'],
	['setup_intent_data', 'setup'],
	['submit_type', 'payment'],
];

function checkoutSessionRules(params: FormParams): void {
	const mode = text(params, ['mode']);
	for (const [param, onlyIn] of ONLY_IN_MODE) {
		if (mode && params[param] !== undefined && mode !== onlyIn) {
			refuse(param, `You can not pass \`${param}\` in \`${mode}\` mode.`);
		}
	}
	if (mode === 'setup' && params.line_items !== undefined) {
		refuse('line_items', 'You can not pass `line_items` in `setup` mode.');
	}
	for (const field of ['success_url', 'cancel_url', 'return_url']) checkUrl(params, [field]);
	checkEmail(params, ['customer_email']);
}

function confirmOnlyRules(params: FormParams): void {
	if (text(params, ['confirm']) === 'true') return;
	for (const param of ['off_session', 'error_on_requires_action']) {
		if (params[param] !== undefined) {
			refuse(param, `\`${param}\` can only be passed when \`confirm\` is \`true\`.`);
		}
	}
}

function paymentLinkRules(params: FormParams): void {
	if (text(params, ['after_completion', 'type']) === 'redirect') {
		if (text(params, ['after_completion', 'redirect', 'url']) === undefined) {
			throw parameterMissing('after_completion[redirect][url]');
		}
		checkUrl(params, ['after_completion', 'redirect', 'url']);
	}
}

const ROUTE_RULES: Record<string, (params: FormParams) => void> = {
	'POST /v1/checkout/sessions': checkoutSessionRules,
	'POST /v1/payment_intents': (params) => {
		confirmOnlyRules(params);
		checkUrl(params, ['return_url']);
		checkEmail(params, ['receipt_email']);
	},
	'POST /v1/payment_intents/:intent': (params) => checkEmail(params, ['receipt_email']),
	'POST /v1/payment_intents/:intent/confirm': (params) => checkUrl(params, ['return_url']),
	'POST /v1/payment_links': paymentLinkRules,
	'POST /v1/payment_links/:link': paymentLinkRules,
	'POST /v1/customers': (params) => checkEmail(params, ['email']),
	'POST /v1/customers/:customer': (params) => checkEmail(params, ['email']),
	'POST /v1/billing_portal/sessions': (params) => checkUrl(params, ['return_url']),
};

/**
 * Everything Stripe checks before executing a request, in Stripe's order: the parameters against
 * its definitions, then supported currencies, then the rules above. Throws Stripe's 400.
 */
export function validateRequest(routeKey: string, params: FormParams): void {
	validateAgainstStripeTypes(routeKey, params);
	if (routeKey.startsWith('POST ')) assertSupportedCurrencies(params);
	ROUTE_RULES[routeKey]?.(params);
}
