import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyOption } from '../../helpers/idempotency';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { invoiceAction, invoiceLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['send'] } },
	[invoiceLocator, idempotencyOption],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await invoiceAction.call(this, itemIndex, 'send');
}
