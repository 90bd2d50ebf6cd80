import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const subscriptionPaymentFailed = stripeHookTrigger({
	key: 'subscription_payment_failed',
	name: 'subscription.payment_failed',
	noun: 'Invoice',
	label: 'Subscription Payment Failed',
	description:
		'Triggers when a subscription invoice could not be paid, with the attempt count, the next retry time and the hosted invoice link to send the customer (dunning).',
	sample: sampleItem({
		eventType: 'invoice.payment_failed',
		names: ['subscription.payment_failed'],
		payment: {
			kind: 'invoice',
			id: 'in_123',
			status: 'open',
			paid: false,
			nextStep: 'ask_for_new_payment_method',
			nextStepUrl: 'https://invoice.stripe.com/i/acct_123/test_123',
		},
		object: { id: 'in_123', object: 'invoice' },
		dunning: {
			attemptCount: 1,
			nextAttemptAt: '2026-01-04T00:00:00.000Z',
			hostedInvoiceUrl: 'https://invoice.stripe.com/i/acct_123/test_123',
		},
	}),
});
