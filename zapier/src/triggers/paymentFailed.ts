import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const paymentFailed = stripeHookTrigger({
	key: 'payment_failed',
	name: 'payment.failed',
	noun: 'Payment',
	label: 'Payment Failed',
	description:
		'Triggers when a payment attempt failed, with a plain reason and the next step (e.g. ask for another payment method).',
	sample: sampleItem({
		eventType: 'payment_intent.payment_failed',
		names: ['payment.failed'],
		payment: {
			kind: 'payment',
			id: 'pi_123',
			status: 'requires_payment_method',
			paid: false,
			nextStep: 'ask_for_new_payment_method',
			reason: 'The card was declined.',
		},
		object: { id: 'pi_123', object: 'payment_intent' },
	}),
});
