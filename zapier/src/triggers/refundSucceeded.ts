import { sampleItem } from './sampleItem';
import { stripeHookTrigger } from './stripeHookTrigger';

export const refundSucceeded = stripeHookTrigger({
	key: 'refund_succeeded',
	name: 'refund.succeeded',
	noun: 'Refund',
	label: 'Refund Succeeded',
	description:
		'Triggers when a refund has succeeded (the money is on its way back to the customer).',
	sample: sampleItem({
		eventType: 'refund.updated',
		names: ['refund.succeeded'],
		payment: { kind: 'refund', id: 're_123', status: 'succeeded', paid: true },
		object: { id: 're_123', object: 'refund' },
	}),
});
