import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	createdAfterFilter,
	listDescription,
	listFiltered,
	paymentIntentIdFilter,
} from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { customerIdFilter } from '../customer/fields';

export const description = listDescription('checkoutSession', [
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
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const sessions = await listFiltered.call(this, itemIndex, '/v1/checkout/sessions');
	return sessions.map((session) => moneyOutput(session));
}
