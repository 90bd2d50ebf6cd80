import { PaymentInputError } from '../errors';
import { assertNoCardNumbers } from '../security/cardGuard';
import { currencyRule, MAX_MINOR_UNITS, type CurrencyRule } from './currencies';

/**
 * Exact conversion between decimal amounts ("19.99") and the integer minor units Stripe expects
 * (1999), by string arithmetic: no floating-point multiplication, no silent rounding of money.
 */

export { MAX_MINOR_UNITS };

/**
 * What the amount is for, which sets the smallest amount Stripe takes: a `charge` at least the
 * currency's minimum charge (0.50 USD…), a `refund` or `capture` at least one minor unit, a `price`
 * (a line item's unit amount) zero or more.
 */
export type AmountPurpose = 'price' | 'charge' | 'refund' | 'capture';

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const THOUSANDS_GROUPED = /^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/** The rule of a currency code Stripe supports, or a refusal naming the currency field. */
export function stripeCurrency(currency: string, field = 'currency'): CurrencyRule {
	const code = typeof currency === 'string' ? currency.trim().toLowerCase() : '';
	if (!/^[a-z]{3}$/.test(code)) {
		throw new PaymentInputError(
			field,
			`${/\d/.test(String(currency)) ? 'The value' : JSON.stringify(String(currency).slice(0, 12))} is not a three-letter ISO currency code.`,
			'Use a code such as usd, eur or jpy.',
		);
	}
	const found = currencyRule(code);
	if (!found) {
		throw new PaymentInputError(
			field,
			`${JSON.stringify(code)} is not a currency Stripe supports.`,
			'Use one of the codes listed at https://docs.stripe.com/currencies, such as usd, eur or jpy.',
		);
	}
	return found;
}

/** How many decimals the currency's amounts have in Stripe's API: 0, 2 or 3. */
export function currencyExponent(currency: string): 0 | 2 | 3 {
	return stripeCurrency(currency).exponent;
}

/** Decimals a user may type: ISK takes whole krónur only although the API has two decimals. */
function decimalsAllowed(rule: CurrencyRule): number {
	return rule.chargeMultipleOf === 100 ? rule.exponent - 2 : rule.exponent;
}

/** Converts a decimal amount in major units to Stripe's integer minor units, or refuses it. */
export function toMinorUnits(
	amount: string | number,
	currency: string,
	field = 'amount',
	purpose: AmountPurpose = 'price',
	currencyField = 'currency',
): number {
	// Error messages below echo the amount, so a card number pasted here must be refused first.
	assertNoCardNumbers(amount, field);
	const rule = stripeCurrency(currency, currencyField);
	const code = rule.code;
	const upper = code.toUpperCase();
	const text = amountText(amount, field);
	const shown = JSON.stringify(text.slice(0, 24));

	if (text.startsWith('-')) {
		throw new PaymentInputError(
			field,
			`${shown} is negative.`,
			'Enter a positive amount; to give money back, use a refund.',
		);
	}
	const parts = DECIMAL.exec(text);
	if (!parts || (parts[1] === '' && (parts[2] ?? '') === '')) {
		throw new PaymentInputError(field, `${shown} is not a decimal amount.`, formatFix(text));
	}
	const whole = parts[1];
	const fraction = (parts[2] ?? '').replace(/0+$/, '');
	const exponent = rule.exponent;
	const allowed = decimalsAllowed(rule);
	if (fraction.length > allowed) {
		const kept = allowed === 3 ? `${fraction.slice(0, 2)}0` : fraction.slice(0, allowed);
		const example = allowed === 0 ? whole || '0' : `${whole || '0'}.${kept}`;
		throw new PaymentInputError(
			field,
			`${shown} has ${fraction.length} decimals, but ${upper} amounts have ${describeDecimals(allowed)}.`,
			`Round it yourself before sending (for example ${example}); Paywire never rounds money silently.`,
		);
	}
	const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
	const minor = digits.length > 15 ? Number.POSITIVE_INFINITY : Number(digits);
	if (minor > MAX_MINOR_UNITS) {
		throw new PaymentInputError(
			field,
			`${shown} ${upper} is above Stripe's limit of ${fromMinorUnits(MAX_MINOR_UNITS, code)} ${upper} per payment.`,
			'Split the payment or use a smaller amount.',
		);
	}
	if (rule.chargeMultipleOf === 10 && minor % 10 !== 0) {
		const roundedDown = fromMinorUnits(minor - (minor % 10), code);
		throw new PaymentInputError(
			field,
			`${shown} ${upper} has a non-zero third decimal, which Stripe refuses for ${upper}.`,
			`Use an amount whose last decimal is 0, such as ${roundedDown}.`,
		);
	}
	assertAmountForPurpose(minor, rule, purpose, field, shown);
	return minor;
}

function assertAmountForPurpose(
	minor: number,
	rule: CurrencyRule,
	purpose: AmountPurpose,
	field: string,
	shown: string,
): void {
	if (purpose === 'price') return;
	const upper = rule.code.toUpperCase();
	const minimum = purpose === 'charge' ? (rule.minimumCharge ?? 1) : 1;
	if (minor >= minimum) return;
	if (purpose !== 'charge') {
		throw new PaymentInputError(
			field,
			`${shown} ${upper} is zero: a ${purpose} moves no money.`,
			`Enter a positive amount, or leave the field empty to ${purpose} the whole remaining amount.`,
		);
	}
	throw new PaymentInputError(
		field,
		`${shown} ${upper} is below Stripe's minimum charge of ${fromMinorUnits(minimum, rule.code)} ${upper}.`,
		'Charge at least that much; Stripe refuses smaller charges (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).',
	);
}

/** Formats integer minor units as a decimal string in major units: 1999 USD → "19.99", 500 JPY → "500". */
export function fromMinorUnits(minor: number, currency: string): string {
	const exponent = currencyExponent(currency);
	if (!Number.isSafeInteger(minor)) {
		throw new PaymentInputError(
			'amount',
			`${String(minor)} is not a whole number of minor units.`,
			'Pass an integer such as 1999.',
		);
	}
	const sign = minor < 0 ? '-' : '';
	const digits = String(Math.abs(minor));
	if (exponent === 0) return sign + digits;
	const padded = digits.padStart(exponent + 1, '0');
	return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** The text of an amount; JS numbers use their shortest round-trip form (0.1 + 0.2 → "0.30000000000000004"). */
function amountText(amount: string | number, field: string): string {
	if (typeof amount === 'number') {
		if (!Number.isFinite(amount)) {
			throw new PaymentInputError(
				field,
				`${String(amount)} is not an amount.`,
				'Enter a number such as 19.99.',
			);
		}
		const text = String(amount);
		return /e/i.test(text) ? expandExponent(amount) : text;
	}
	if (typeof amount !== 'string') {
		throw new PaymentInputError(
			field,
			'is missing or not a number.',
			'Enter an amount such as 19.99.',
		);
	}
	return amount.trim();
}

/** 1e-7 → "0.0000001", 1e21 → "1000000000000000000000": exact digits, so the checks above can refuse. */
function expandExponent(amount: number): string {
	const [mantissa, power] = amount.toExponential().split('e');
	const sign = mantissa.startsWith('-') ? '-' : '';
	const [head, tail = ''] = mantissa.replace('-', '').split('.');
	const shift = Number(power);
	const digits = head + tail;
	if (shift >= 0) return sign + digits.padEnd(shift + 1, '0');
	return `${sign}0.${'0'.repeat(-shift - 1)}${digits}`;
}

function describeDecimals(count: number): string {
	if (count === 0) return 'no decimals';
	return count === 1 ? '1 decimal' : `${count} decimals`;
}

function formatFix(text: string): string {
	if (text === '') return 'Enter an amount such as 19.99.';
	if (THOUSANDS_GROUPED.test(text)) {
		return `Remove the thousands separators: write ${text.replace(/[, ]/g, '')}.`;
	}
	if (DECIMAL_COMMA.test(text))
		return `Use a dot as the decimal separator: write ${text.replace(',', '.')}.`;
	if (/[^\d.,\s]/.test(text)) {
		return 'Enter digits and an optional decimal point only (no currency symbol or code); set the currency separately.';
	}
	return 'Enter digits with at most one decimal point, such as 19.99.';
}
