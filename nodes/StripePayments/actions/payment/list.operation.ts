import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	createdAfterFilter,
	filterParams,
	filtersField,
	listWithLimit,
	returnAllFields,
} from '../../helpers/lists';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { customerIdFilter } from '../customer/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['list'] } },
	[...returnAllFields, filtersField([customerIdFilter, createdAfterFilter])],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = filterParams.call(this, itemIndex);
	const intents = await listWithLimit.call(this, itemIndex, '/v1/payment_intents', params);
	return intents.map((intent) => moneyOutput(intent));
}
