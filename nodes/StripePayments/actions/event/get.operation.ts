import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathId } from '../../helpers/lists';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { eventOutputField, eventOutputFor } from './eventOutput';

export const description = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['get'] } },
	[
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
			description: 'Stripe keeps events for 30 days',
		},
		eventOutputField,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const eventId = String(this.getNodeParameter('eventId', itemIndex)).trim();
	const { body } = await stripeApiRequest.call(this, {
		method: 'GET',
		path: `/v1/events/${pathId(eventId)}`,
		itemIndex,
	});
	return eventOutputFor.call(this, itemIndex)(body);
}
