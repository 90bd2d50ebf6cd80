import { invalidRequest } from '../errors';

/**
 * Stripe's minimum charge amounts (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts),
 * in minor units, for the currencies the emulator checks; others are only checked to be ≥ 1.
 */
const MINIMUM_CHARGE: Record<string, number> = {
	usd: 50,
	eur: 50,
	gbp: 30,
	aud: 50,
	cad: 50,
	chf: 50,
	nzd: 50,
	sgd: 50,
	jpy: 50,
	dkk: 250,
	nok: 300,
	sek: 300,
	pln: 200,
	hkd: 400,
	mxn: 1000,
};

const MAXIMUM_AMOUNT = 99_999_999;

export function assertChargeableAmount(amount: number, currency: string, param = 'amount'): void {
	const minimum = MINIMUM_CHARGE[currency] ?? 1;
	if (amount < minimum) {
		const shown =
			currency === 'usd'
				? `$${(minimum / 100).toFixed(2)} usd`
				: `${minimum} ${currency} (minor units)`;
		throw invalidRequest(`Amount must be at least ${shown}`, {
			param,
			code: 'amount_too_small',
			beforeExecution: true,
		});
	}
	if (amount > MAXIMUM_AMOUNT) {
		throw invalidRequest(`Amount must be no more than ${MAXIMUM_AMOUNT}`, {
			param,
			code: 'amount_too_large',
			beforeExecution: true,
		});
	}
}
