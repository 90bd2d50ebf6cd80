/**
 * Issuer identification ranges for the card-number guard, as data. A digit run only counts as a card
 * number when it passes Luhn AND starts with one of these prefixes at a length that issuer issues
 * TODAY (docs/card-guard.md explains each choice). Sources: the networks' published IIN ranges
 * (ISO/IEC 7812), Stripe's test-card list, and the lengths card forms accept today (Braintree's
 * credit-card-type). Legacy lengths that no card in circulation has are left out on purpose: they
 * would refuse real 13-digit order ids and phone numbers written without +.
 */
export interface CardIssuer {
	brand: string;
	/** Inclusive ranges of leading digits, e.g. ['2221', '2720']; a single prefix repeats itself. */
	prefixes: ReadonlyArray<readonly [string, string]>;
	lengths: readonly number[];
}

const range = (from: number, to: number): number[] =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

export const CARD_ISSUERS: readonly CardIssuer[] = [
	// 13-digit Visa numbers stopped being issued decades ago (none is valid now); 19 is issued.
	{ brand: 'visa', prefixes: [['4', '4']], lengths: [16, 18, 19] },
	{
		brand: 'mastercard',
		prefixes: [
			['51', '55'],
			['2221', '2720'],
		],
		lengths: [16],
	},
	{
		brand: 'amex',
		prefixes: [
			['34', '34'],
			['37', '37'],
		],
		lengths: [15],
	},
	{
		brand: 'discover',
		prefixes: [
			['6011', '6011'],
			['644', '649'],
			['65', '65'],
		],
		lengths: range(16, 19),
	},
	{ brand: 'jcb', prefixes: [['3528', '3589']], lengths: range(16, 19) },
	{
		// Diners Club International still issues 14-digit cards (Stripe's test card 3622 720627 1667).
		brand: 'diners',
		prefixes: [
			['300', '305'],
			['3095', '3095'],
			['36', '36'],
			['38', '39'],
		],
		lengths: [14, 16, 19],
	},
	{
		brand: 'unionpay',
		prefixes: [
			['62', '62'],
			['8100', '8171'],
		],
		lengths: range(16, 19),
	},
	{
		// Maestro is issued at 16–19 digits today; 12–15-digit Maestro numbers are legacy.
		brand: 'maestro',
		prefixes: [
			['50', '50'],
			['56', '58'],
			['6304', '6304'],
			['6759', '6759'],
			['6761', '6763'],
		],
		lengths: range(16, 19),
	},
	{ brand: 'mir', prefixes: [['2200', '2204']], lengths: range(16, 19) },
];

/** Digits a card number can start with: a run starting with any other digit is skipped at once. */
export const ISSUER_FIRST_DIGITS: ReadonlySet<string> = new Set(
	CARD_ISSUERS.flatMap(({ prefixes }) =>
		prefixes.flatMap(([from, to]) => range(Number(from[0]), Number(to[0])).map(String)),
	),
);

/** The issuer a digit string belongs to by prefix and length, or null. */
export function cardIssuerOf(digits: string): CardIssuer | null {
	for (const issuer of CARD_ISSUERS) {
		if (!issuer.lengths.includes(digits.length)) continue;
		for (const [from, to] of issuer.prefixes) {
			const lead = digits.slice(0, from.length);
			if (lead >= from && lead <= to) return issuer;
		}
	}
	return null;
}
