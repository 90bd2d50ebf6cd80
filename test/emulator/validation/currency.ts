import { fromMinorUnits } from '../../../core/payments/amounts';
import {
	currencyRule,
	MAX_MINOR_UNITS,
	STRIPE_CURRENCIES,
	type CurrencyRule,
} from '../../../core/payments/currencies';
import { invalidRequest } from '../errors';
import type { FormValue } from '../form';
import { paramName } from './validate';

/**
 * Stripe's currency refusals, from the one table in core/payments/currencies.ts: unsupported
 * codes, amounts under the minimum charge, three-decimal amounts not ending in 0, ISK amounts
 * that are not whole krónur, and Checkout / Payment Link totals under the minimum.
 */
export function supportedCurrency(code: string, param: string): CurrencyRule {
	const found = currencyRule(code.toLowerCase());
	if (found) return found;
	throw invalidRequest(
		`Invalid currency: ${code.toLowerCase()}. Stripe currently supports these currencies: ${[...STRIPE_CURRENCIES.keys()].join(', ')}`,
		{ param, beforeExecution: true },
	);
}

/** Every `currency` parameter of a request, at any depth, must be one Stripe supports. */
export function assertSupportedCurrencies(value: FormValue, path: string[] = []): void {
	if (typeof value === 'string') return;
	const entries: Array<[string, FormValue]> = Array.isArray(value)
		? value.map((entry, index) => [String(index), entry])
		: Object.entries(value);
	for (const [key, entry] of entries) {
		const at = [...path, key];
		if (key === 'currency' && typeof entry === 'string' && entry !== '') {
			supportedCurrency(entry, paramName(at));
		} else assertSupportedCurrencies(entry, at);
	}
}

/** Stripe writes minimums as `$0.50 usd`; other currencies here as `0.50 inr`. */
export function minimumText(minor: number, code: string): string {
	const major = fromMinorUnits(minor, code);
	return code === 'usd' ? `$${major} usd` : `${major} ${code}`;
}

/** The amount's currency rules: multiple of 10 (three-decimal), of 100 (ISK). */
export function assertAmountFitsCurrency(
	amount: number,
	currency: string | CurrencyRule,
	param: string,
	currencyParam = 'currency',
) {
	const rule = typeof currency === 'string' ? supportedCurrency(currency, currencyParam) : currency;
	if (amount % rule.chargeMultipleOf === 0) return;
	const why =
		rule.chargeMultipleOf === 10
			? `the last of its three decimals must be 0`
			: `it takes whole units only`;
	throw invalidRequest(
		`Invalid ${param}: ${rule.code} amounts must be a multiple of ${rule.chargeMultipleOf} (${why}).`,
		{ param, beforeExecution: true },
	);
}

export function assertChargeableAmount(amount: number, currency: string, param = 'amount'): void {
	const rule = supportedCurrency(currency, 'currency');
	const minimum = rule.minimumCharge ?? 1;
	if (amount < minimum) {
		throw invalidRequest(`Amount must be at least ${minimumText(minimum, rule.code)}`, {
			param,
			code: 'amount_too_small',
			beforeExecution: true,
		});
	}
	if (amount > MAX_MINOR_UNITS) {
		throw invalidRequest(`Amount must be no more than ${minimumText(MAX_MINOR_UNITS, rule.code)}`, {
			param,
			code: 'amount_too_large',
			beforeExecution: true,
		});
	}
	assertAmountFitsCurrency(amount, rule, param);
}

/** Checkout Sessions and Payment Links: the total due must reach the minimum charge. */
export function assertChargeableTotal(
	total: number,
	currency: string,
	what: 'Checkout Session' | 'Payment Link',
): void {
	const rule = supportedCurrency(currency, 'currency');
	const minimum = rule.minimumCharge ?? 1;
	if (total >= minimum) return;
	throw invalidRequest(
		`The ${what}'s total amount due must add up to at least ${minimumText(minimum, rule.code)}`,
		{ param: 'line_items', beforeExecution: true },
	);
}
