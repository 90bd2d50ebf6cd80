import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { invoiceLocator, retrieveInvoice } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	[invoiceLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return moneyOutput(await retrieveInvoice.call(this, itemIndex));
}
