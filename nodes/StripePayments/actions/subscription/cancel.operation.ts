import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyOption } from '../../helpers/idempotency';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { stripeApiRequest } from '../../transport';
import { postToSubscription, subscriptionIdField, subscriptionPath } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['cancel'] } },
	[
		subscriptionIdField,
		{
			displayName: 'When',
			name: 'cancelWhen',
			type: 'options',
			default: 'atPeriodEnd',
			options: [
				{
					name: 'At the End of the Paid Period',
					value: 'atPeriodEnd',
					description:
						'The customer keeps access until the period they paid for ends; can be undone with Resume',
				},
				{
					name: 'Immediately',
					value: 'immediately',
					description: 'Ends the subscription now; cannot be undone',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'cancelOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Comment',
					name: 'comment',
					type: 'string',
					default: '',
					description: 'Why the customer canceled, in their words (kept on the subscription)',
				},
				{
					displayName: 'Invoice Now',
					name: 'invoice_now',
					type: 'boolean',
					default: false,
					description:
						'Whether to invoice pending usage and prorations now (immediate cancellation only)',
				},
				{
					displayName: 'Prorate',
					name: 'prorate',
					type: 'boolean',
					default: false,
					description:
						'Whether to credit the unused time (immediate cancellation only; see Invoice Now)',
				},
			],
		},
		{ ...idempotencyOption, displayOptions: { show: { cancelWhen: ['atPeriodEnd'] } } },
	],
);

/** Immediately is Stripe's DELETE (no idempotency key); at period end is a POST that schedules it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const when = this.getNodeParameter('cancelWhen', itemIndex) as 'atPeriodEnd' | 'immediately';
	const options = this.getNodeParameter('cancelOptions', itemIndex, {}) as IDataObject;
	const comment = String(options.comment ?? '').trim();
	const details = comment !== '' ? { cancellation_details: { comment } } : {};
	if (when === 'atPeriodEnd') {
		return await postToSubscription.call(this, itemIndex, 'cancel', '', {
			cancel_at_period_end: true,
			...details,
		});
	}
	const params: IDataObject = { ...details };
	if (options.invoice_now === true) params.invoice_now = true;
	if (options.prorate === true) params.prorate = true;
	const { body } = await stripeApiRequest.call(this, {
		method: 'DELETE',
		path: subscriptionPath.call(this, itemIndex),
		params,
		itemIndex,
	});
	return moneyOutput(body);
}
