import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	createdAfterFilter,
	filterParams,
	filtersField,
	listWithLimit,
	paymentIntentIdFilter,
	returnAllFields,
} from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { customerIdFilter } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['list'] } },
	[
		...returnAllFields,
		filtersField([
			createdAfterFilter,
			customerIdFilter,
			paymentIntentIdFilter,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: [
					{ name: 'Open', value: 'open' },
					{ name: 'Complete', value: 'complete' },
					{ name: 'Expired', value: 'expired' },
				],
			},
		]),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	const sessions = await listWithLimit.call(this, itemIndex, '/v1/checkout/sessions', params);
	return sessions.map((session) => moneyOutput(session));
}
