import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	filterParams,
	filtersField,
	listWithLimit,
	paymentIntentIdFilter,
	returnAllFields,
} from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['list'] } },
	[
		...returnAllFields,
		filtersField([
			paymentIntentIdFilter,
			{
				displayName: 'Charge ID',
				name: 'charge',
				type: 'string',
				default: '',
				placeholder: 'ch_3MtwBwLkdIwHu7ix28a3tqPa',
			},
		]),
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	const refunds = await listWithLimit.call(this, itemIndex, '/v1/refunds', params);
	return refunds.map((refund) => moneyOutput(refund));
}
