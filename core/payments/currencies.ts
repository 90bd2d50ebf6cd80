/**
 * Stripe's currency rules as data — the one place Paywire (node, Zapier app) and the test emulator
 * read them from.
 *
 * Source: https://docs.stripe.com/currencies ("Supported presentment currencies", "Zero-decimal",
 * "Three-decimal", "Special cases", "Minimum and maximum charge amounts"), as published in 2026, and
 * the list Stripe itself returns in its "Invalid currency: … Stripe currently supports these
 * currencies: …" error. Three-decimal currencies (BHD, JOD, KWD, OMR, TND) are listed although not
 * every account country can charge them (Stripe then answers "Stripe accounts in US do not support
 * tnd"); the per-country restriction is not modelled.
 */
export interface CurrencyRule {
	/** Lowercase ISO 4217 code, as Stripe's API takes it. */
	readonly code: string;
	/** Decimals of API amounts (minor units): 1999 = 19.99 USD, 500 = 500 JPY, 5120 = 5.120 KWD. */
	readonly exponent: 0 | 2 | 3;
	/**
	 * Charge and refund amounts must be a multiple of this many minor units: 10 for three-decimal
	 * currencies (last digit 0), 100 for ISK (two decimals in the API, whole krónur only since
	 * 14 April 2023). 1 otherwise.
	 */
	readonly chargeMultipleOf: 1 | 10 | 100;
	/**
	 * Smallest charge in minor units, from Stripe's minimum-charge table; null where the table lists
	 * none (Stripe then checks the equivalent in the account's settlement currency).
	 */
	readonly minimumCharge: number | null;
	/** HUF, TWD: charges take two decimals, but payouts only whole units (multiples of 100). */
	readonly payoutsInWholeUnits: boolean;
}

/** Stripe's amount fields hold at most eight digits (99999999 = 999,999.99 USD). */
export const MAX_MINOR_UNITS = 99_999_999;

const ZERO_DECIMAL = 'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf';
const THREE_DECIMAL = 'bhd jod kwd omr tnd';
const WHOLE_UNITS_IN_TWO_DECIMALS = 'isk';
const PAYOUTS_IN_WHOLE_UNITS = 'huf twd';
const TWO_DECIMAL = `
	usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bmd bnd bob brl bsd bwp byn bzd
	cad cdf chf cny cop crc cve czk dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gtq gyd hkd
	hnl htg huf idr ils inr isk jmd kes kgs khr kyd kzt lak lbp lkr lrd lsl mad mdl mkd mmk mnt
	mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd pab pen pgk php pkr pln qar ron rsd rub
	sar sbd scr sek sgd shp sle sos srd std szl thb tjs top try ttd twd tzs uah uyu uzs wst xcd
	yer zar zmw`;

/** Stripe's "Minimum and maximum charge amounts" table, in minor units. */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
	usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500,
	dkk: 250, eur: 50, gbp: 30, hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000,
	myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200, sek: 300, sgd: 50, thb: 1000,
}; // prettier-ignore

const codes = (list: string) => list.trim().split(/\s+/);

function rule(code: string, exponent: 0 | 2 | 3): CurrencyRule {
	let chargeMultipleOf: 1 | 10 | 100 = 1;
	if (exponent === 3) chargeMultipleOf = 10;
	if (codes(WHOLE_UNITS_IN_TWO_DECIMALS).includes(code)) chargeMultipleOf = 100;
	return {
		code,
		exponent,
		chargeMultipleOf,
		minimumCharge: MINIMUM_CHARGE[code] ?? null,
		payoutsInWholeUnits: codes(PAYOUTS_IN_WHOLE_UNITS).includes(code),
	};
}

/** Every currency Stripe supports for charges, keyed by lowercase code. */
export const STRIPE_CURRENCIES: ReadonlyMap<string, CurrencyRule> = new Map(
	[
		...codes(TWO_DECIMAL).map((code) => rule(code, 2)),
		...codes(ZERO_DECIMAL).map((code) => rule(code, 0)),
		...codes(THREE_DECIMAL).map((code) => rule(code, 3)),
	].map((entry) => [entry.code, entry]),
);

/** The rule of a lowercase code, or undefined when Stripe does not support it. */
export function currencyRule(code: string): CurrencyRule | undefined {
	return STRIPE_CURRENCIES.get(code);
}
