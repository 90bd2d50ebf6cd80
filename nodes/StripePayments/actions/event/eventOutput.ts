import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeStripeEvent } from '../../../../core/stripe/events';
import { stripeOutput } from '../../helpers/output';

export const eventOutputField: INodeProperties = {
	displayName: 'Output',
	name: 'eventOutput',
	type: 'options',
	default: 'raw',
	options: [
		{
			name: 'Stripe Event',
			value: 'raw',
			description: 'The event exactly as Stripe stores it',
		},
		{
			name: 'Like the Stripe Payments Trigger',
			value: 'normalized',
			description:
				'Event, meanings (payment.succeeded, …), payment block and object: feed the nodes after a trigger',
		},
	],
};

/** Raw, or the trigger's shape (with every meaning the event has, as no trigger filter applies). */
export function eventOutputFor(
	this: IExecuteFunctions,
	itemIndex: number,
): (event: IDataObject) => IDataObject {
	if (this.getNodeParameter('eventOutput', itemIndex, 'raw') !== 'normalized') {
		return (event) => stripeOutput(event);
	}
	return (event) => ({ ...normalizeStripeEvent(event) }) as unknown as IDataObject;
}
