import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PaymentInputError } from '../../../../core/errors';
import { moneyOutput } from '../../helpers/output';
import { updateDisplayOptions } from '../../helpers/updateDisplayOptions';
import { invoiceLocator, retrieveInvoice } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getHostedUrl'] } },
	[invoiceLocator],
);

/**
 * The page where the customer pays the invoice (or updates their card after a failed renewal):
 * a compact item to put in an email, with the normalised `payment` block. A draft has no page yet.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoice = await retrieveInvoice.call(this, itemIndex);
	if (typeof invoice.hosted_invoice_url !== 'string' || invoice.hosted_invoice_url === '') {
		throw new PaymentInputError(
			'Invoice',
			`${String(invoice.id)} has no hosted page yet (status ${String(invoice.status)}).`,
			'Finalize the draft invoice in Stripe first.',
		);
	}
	const { payment } = moneyOutput(invoice);
	return {
		id: invoice.id,
		number: invoice.number,
		status: invoice.status,
		customer: invoice.customer,
		customer_email: invoice.customer_email,
		amount_due: invoice.amount_due,
		currency: invoice.currency,
		hosted_invoice_url: invoice.hosted_invoice_url,
		invoice_pdf: invoice.invoice_pdf,
		payment,
	};
}
