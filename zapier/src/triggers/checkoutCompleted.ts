import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const checkoutCompleted = stripeHookTrigger({
	key: 'checkout_completed',
	name: 'checkout.completed',
	noun: 'Checkout Session',
	label: 'Checkout Completed',
	description:
		'Triggers when a customer finished a Stripe Checkout page, paid or not yet (payment Paid says which; for money received use Payment Succeeded).',
	sample: sampleItem({
		eventType: 'checkout.session.completed',
		names: ['checkout.completed', 'payment.succeeded'],
		payment: { kind: 'checkout', id: 'cs_test_123', status: 'succeeded', paid: true },
		object: { id: 'cs_test_123', object: 'checkout.session' },
	}),
});
