import { PaymentInputError } from '../errors';
import { toMinorUnits } from '../payments/amounts';

/**
 * A partial refund is in the currency of the payment it refunds, never in one typed beside it:
 * 500 with "usd" on a JPY payment would otherwise become a ¥50,000 refund. Callers read the payment
 * first (paymentRetrievePath) and convert with refundAmountInMinorUnits.
 */

/** The GET path of the payment a refund names: a payment intent (pi_…) or a charge (ch_…, py_…). */
export function paymentRetrievePath(paymentId: string): string {
	const id = paymentId.trim();
	return (id.startsWith('pi_') ? '/v1/payment_intents/' : '/v1/charges/') + encodeURIComponent(id);
}

/**
 * The refund amount in the payment's minor units. A currency the user typed is only checked: when
 * it differs from the payment's, the refund is refused naming the field, before anything is sent.
 */
export function refundAmountInMinorUnits(
	amount: string | number,
	payment: Record<string, unknown>,
	typedCurrency?: string,
): number {
	const paymentCurrency =
		typeof payment.currency === 'string' ? payment.currency.toLowerCase() : '';
	const paymentId = typeof payment.id === 'string' ? payment.id : 'the payment';
	if (paymentCurrency === '') {
		throw new PaymentInputError(
			'Payment ID',
			`${paymentId} has no currency, so the amount cannot be converted.`,
			'Map the id of a payment intent (pi_…) or charge (ch_…) that was paid.',
		);
	}
	const typed = typedCurrency?.trim().toLowerCase();
	if (typed && typed !== paymentCurrency) {
		throw new PaymentInputError(
			'Currency',
			`is ${typed.toUpperCase()}, but ${paymentId} was paid in ${paymentCurrency.toUpperCase()}; a refund is always in the payment's currency.`,
			`Leave Currency empty (the payment's currency is used) or enter ${paymentCurrency}.`,
		);
	}
	return toMinorUnits(amount, paymentCurrency, 'Amount');
}
