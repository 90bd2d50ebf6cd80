/**
 * Output fields shared by the steps that return the same kind of object (a create and its search),
 * so a Payment or a Customer reads the same in the Zap editor whichever step produced it.
 */

/** A payment intent with core's `payment` view: what Charge and Find Payment both return. */
export const paymentOutputFields = [
	{ key: 'id', label: 'Payment ID' },
	{ key: 'status', label: 'Status' },
	{ key: 'payment__paid', label: 'Paid', type: 'boolean' as const },
	{ key: 'payment__amount', label: 'Amount' },
];

/** A Stripe customer: what Create Customer and Find Customer both return. */
export const customerOutputFields = [
	{ key: 'id', label: 'Customer ID' },
	{ key: 'email', label: 'Email' },
	{ key: 'name', label: 'Name' },
];
