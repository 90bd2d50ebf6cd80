import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyOption } from '../../helpers/idempotency';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { invoiceAction, invoiceLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['pay'] } },
	[
		invoiceLocator,
		{
			displayName: 'Options',
			name: 'payOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Payment Method ID',
					name: 'payment_method',
					type: 'string',
					default: '',
					placeholder: 'pm_1MqLiJLkdIwHu7ixUEgbFdYF',
					description:
						'Charge this saved payment method of the customer instead of the invoice’s default',
				},
			],
		},
		idempotencyOption,
	],
);

/**
 * Charges the customer now for an open invoice (a failed renewal, say). A decline fails the item
 * with its next step (ask_for_new_payment_method, retry_later, …); with Continue on Fail that is
 * the item's `error`, ready to branch on.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('payOptions', itemIndex, {}) as IDataObject;
	const params: IDataObject = {};
	const paymentMethod = String(options.payment_method ?? '').trim();
	if (paymentMethod !== '') params.payment_method = paymentMethod;
	return await invoiceAction.call(this, itemIndex, 'pay', params);
}
