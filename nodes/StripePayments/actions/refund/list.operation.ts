import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listDescription, listFiltered, paymentIntentIdFilter } from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';

export const description = listDescription('refund', [
	paymentIntentIdFilter,
	{
		displayName: 'Charge ID',
		name: 'charge',
		type: 'string',
		default: '',
		placeholder: 'ch_3MtwBwLkdIwHu7ix28a3tqPa',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const refunds = await listFiltered.call(this, itemIndex, '/v1/refunds');
	return refunds.map((refund) => moneyOutput(refund));
}
