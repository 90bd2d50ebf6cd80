import type { IDataObject } from 'n8n-workflow';

import { stripeFixture } from '../../fixtures/stripe';
import { byId } from './support';

/** A payment intent as Stripe returns it, without a next action or a last error unless given. */
export const intent = (overrides: IDataObject): IDataObject => ({
	...stripeFixture('payment_intent'),
	next_action: null,
	last_payment_error: null,
	...overrides,
});

/** Payment › Charge of a saved card: 49.99 USD for order 42. */
export const charge = {
	resource: 'payment',
	operation: 'charge',
	customer: byId('cus_1'),
	paymentMethodSource: 'specific',
	paymentMethodId: 'pm_card_visa',
	amount: '49.99',
	currency: 'USD',
	description: 'Order 42',
	metadata: { entries: [{ key: 'order_id', value: '42' }] },
};
