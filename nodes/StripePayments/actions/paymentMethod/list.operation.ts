import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listWithLimit, pathId, returnAllFields } from '../../helpers/lists';
import { stripeOutput } from '../../helpers/output';
import { locatedId } from '../../helpers/resourceLocators';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { customerLocator } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['paymentMethod'], operation: ['list'] } },
	[
		customerLocator,
		{
			displayName: 'Type',
			name: 'paymentMethodType',
			type: 'options',
			default: '',
			description: 'Only payment methods of this type',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Bank Account (ACH)', value: 'us_bank_account' },
				{ name: 'Card', value: 'card' },
				{ name: 'Link', value: 'link' },
				{ name: 'SEPA Direct Debit', value: 'sepa_debit' },
			],
		},
		...returnAllFields,
	],
);

/** Card details come back as brand, expiry and last four digits only, never the number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = locatedId.call(this, 'customer', itemIndex);
	const type = this.getNodeParameter('paymentMethodType', itemIndex, '') as string;
	const methods = await listWithLimit.call(
		this,
		itemIndex,
		`/v1/customers/${pathId(customerId)}/payment_methods`,
		type ? { type } : {},
	);
	return methods.map((method) => stripeOutput(method));
}
