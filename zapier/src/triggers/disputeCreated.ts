import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const disputeCreated = stripeHookTrigger({
	key: 'dispute_created',
	name: 'dispute.created',
	noun: 'Dispute',
	label: 'Dispute Created',
	description:
		'Triggers when a customer disputes a payment (chargeback): respond before the deadline in the Stripe Dashboard.',
	sample: sampleItem({
		eventType: 'charge.dispute.created',
		names: ['dispute.created'],
		payment: {
			kind: 'dispute',
			id: 'dp_123',
			status: 'open',
			paid: false,
			nextStep: 'review_for_fraud',
		},
		object: { id: 'dp_123', object: 'dispute' },
	}),
});
