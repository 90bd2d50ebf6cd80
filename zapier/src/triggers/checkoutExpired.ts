import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const checkoutExpired = stripeHookTrigger({
	key: 'checkout_expired',
	name: 'checkout.expired',
	noun: 'Checkout Session',
	label: 'Checkout Expired',
	description: 'Triggers when a Checkout Session expired unpaid: an abandoned cart to follow up.',
	sample: sampleItem({
		eventType: 'checkout.session.expired',
		names: ['checkout.expired'],
		payment: {
			kind: 'checkout',
			id: 'cs_test_123',
			status: 'expired',
			paid: false,
			paymentId: null,
			nextStep: 'none',
		},
		object: { id: 'cs_test_123', object: 'checkout.session' },
	}),
});
