import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { listWithLimit, returnAllFields } from '../../helpers/lists';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { eventOutputField, eventOutputFor } from './eventOutput';
import { eventTypeFilter } from './eventTypeFilter';

export const description = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['list'] } },
	[
		{
			displayName: 'Event Types',
			name: 'eventTypes',
			type: 'string',
			default: '',
			placeholder: 'invoice.payment_failed, payment_intent.succeeded',
			description:
				'One type, a pattern such as invoice.*, or up to 20 types separated by commas. Empty: every type.',
		},
		{
			displayName: 'Created Since',
			name: 'createdSince',
			type: 'dateTime',
			default: '',
			description:
				'Only events created at or after this time, e.g. when the workflow last ran. Stripe keeps 30 days.',
		},
		...returnAllFields,
		eventOutputField,
		{
			displayName: 'Options',
			name: 'eventOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Created Before',
					name: 'createdBefore',
					type: 'dateTime',
					default: '',
					description: 'Only events created before this time',
				},
				{
					displayName: 'Oldest First',
					name: 'oldestFirst',
					type: 'boolean',
					default: false,
					description:
						'Whether to output the fetched events oldest first (Stripe lists newest first); with Return All, in the order they happened',
				},
				{
					displayName: 'Only Undelivered',
					name: 'onlyUndelivered',
					type: 'boolean',
					default: false,
					description:
						'Whether to list only events Stripe has not yet delivered to at least one webhook endpoint',
				},
			],
		},
	],
);

/** Unix seconds of a date parameter (ISO text, a number of milliseconds, or a Luxon DateTime). */
function unixSeconds(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const milliseconds =
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
			? (value as { toMillis: () => number }).toMillis()
			: new Date(value as string | number).getTime();
	if (!Number.isFinite(milliseconds)) {
		throw new PaymentInputError(
			field,
			'is not a date.',
			'Use a date such as 2026-11-01T00:00:00Z.',
		);
	}
	return Math.floor(milliseconds / 1000);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('eventOptions', itemIndex, {}) as IDataObject;
	const params: IDataObject = {
		...eventTypeFilter(String(this.getNodeParameter('eventTypes', itemIndex, ''))),
	};
	const since = unixSeconds(this.getNodeParameter('createdSince', itemIndex, ''), 'Created Since');
	const before = unixSeconds(options.createdBefore, 'Created Before');
	if (since !== undefined || before !== undefined) params.created = { gte: since, lt: before };
	if (options.onlyUndelivered === true) params.delivery_success = false;
	const events = await listWithLimit.call(this, itemIndex, '/v1/events', params);
	if (options.oldestFirst === true) events.reverse();
	return events.map(eventOutputFor.call(this, itemIndex));
}
