import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyOption } from '../../helpers/idempotency';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { postToSubscription, subscriptionIdField } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['resume'] } },
	[
		subscriptionIdField,
		{
			displayName: 'Resume',
			name: 'resumeWhat',
			type: 'options',
			default: 'scheduledCancellation',
			options: [
				{
					name: 'Undo a Scheduled Cancellation',
					value: 'scheduledCancellation',
					description:
						'The subscription was set to cancel at period end; it renews as usual again (no charge now)',
				},
				{
					name: 'Resume a Paused Subscription',
					value: 'paused',
					description:
						'The subscription’s status is paused (e.g. a trial ended without a card); billing restarts and may charge now',
				},
			],
		},
		{
			displayName: 'Billing Cycle',
			name: 'billingCycleAnchor',
			type: 'options',
			default: 'now',
			displayOptions: { show: { resumeWhat: ['paused'] } },
			options: [
				{
					name: 'Start a New Period Now',
					value: 'now',
					description: 'Invoices and charges the customer now',
				},
				{
					name: 'Keep the Original Cycle',
					value: 'unchanged',
					description: 'The next invoice comes at the usual date',
				},
			],
		},
		idempotencyOption,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const what = this.getNodeParameter('resumeWhat', itemIndex) as 'scheduledCancellation' | 'paused';
	if (what === 'scheduledCancellation') {
		return await postToSubscription.call(this, itemIndex, 'resume.scheduledCancellation', '', {
			cancel_at_period_end: false,
		});
	}
	const anchor = this.getNodeParameter('billingCycleAnchor', itemIndex, 'now') as string;
	return await postToSubscription.call(this, itemIndex, 'resume', '/resume', {
		billing_cycle_anchor: anchor,
	});
}
