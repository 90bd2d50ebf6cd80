/**
 * Stripe Payments node parameters that read what to do from each item, shared by the engine,
 * property and e2e suites (one spelling of the node's parameter names).
 */
const fromItem = (field: string) => ({ __rl: true, mode: 'id', value: `={{ $json.${field} }}` });

/** Refund › Create of part of the item's `paymentIntent`: `amount` (default: the item's). */
export function partialRefundOfItem(amount = '={{ $json.amount }}'): Record<string, unknown> {
	return {
		resource: 'refund',
		operation: 'create',
		refundSource: 'paymentIntent',
		paymentIntent: fromItem('paymentIntent'),
		amountType: 'partial',
		amount,
	};
}

/** Payment › Charge of the item's `customer` with their default card, in USD. */
export function chargeItemCustomer(amount = '={{ $json.amount }}'): Record<string, unknown> {
	return {
		resource: 'payment',
		operation: 'charge',
		customer: fromItem('customer'),
		paymentMethodSource: 'customerDefault',
		amount,
		currency: 'usd',
	};
}

/** Payment › Capture of the item's `paymentIntent`, for the item's `amount`. */
export function captureItemPayment(): Record<string, unknown> {
	return {
		resource: 'payment',
		operation: 'capture',
		paymentIntent: fromItem('paymentIntent'),
		amountToCapture: '={{ $json.amount }}',
	};
}
