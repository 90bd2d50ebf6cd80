import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const paymentSucceeded = stripeHookTrigger({
	key: 'payment_succeeded',
	name: 'payment.succeeded',
	noun: 'Payment',
	label: 'Payment Succeeded',
	description:
		'Triggers once the money has actually arrived: a payment intent succeeded, or a checkout was paid (also delayed methods once they clear). Never on a checkout still waiting for payment.',
	sample: sampleItem({
		eventType: 'payment_intent.succeeded',
		names: ['payment.succeeded'],
		payment: { kind: 'payment', id: 'pi_123', status: 'succeeded', paid: true },
		object: { id: 'pi_123', object: 'payment_intent' },
	}),
});
