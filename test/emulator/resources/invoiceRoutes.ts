import { invalidRequest } from '../errors';
import { nowSeconds } from '../fixtures';
import { listResponse } from '../pagination';
import { optionalString } from '../params';
import { emitFrom, type RequestContext, type Router } from '../router';
import type { StripeObject } from '../state';
import { attemptInvoicePayment, getInvoice } from './invoices';

function voidInvoice(ctx: RequestContext, id: string): StripeObject {
	const invoice = getInvoice(ctx, id);
	if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
		throw invalidRequest(
			`You can only pass in open or uncollectible invoices. This invoice is ${String(invoice.status)}.`,
			{
				code: 'invoice_not_editable',
			},
		);
	}
	invoice.status = 'void';
	invoice.status_transitions = {
		...(invoice.status_transitions as object),
		voided_at: nowSeconds(),
	};
	emitFrom(ctx, 'invoice.voided', invoice);
	return invoice;
}

function sendInvoice(ctx: RequestContext, id: string): StripeObject {
	const invoice = getInvoice(ctx, id);
	if (invoice.status !== 'open') {
		throw invalidRequest('You can only send open invoices.', { code: 'invoice_not_editable' });
	}
	emitFrom(ctx, 'invoice.sent', invoice);
	return invoice;
}

export function registerInvoices(router: Router): void {
	router.get('/v1/invoices/:invoice', (ctx, { invoice }) => getInvoice(ctx, invoice));
	router.post('/v1/invoices/:invoice/pay', (ctx, { invoice }) =>
		attemptInvoicePayment(ctx, getInvoice(ctx, invoice)),
	);
	router.post('/v1/invoices/:invoice/void', (ctx, { invoice }) => voidInvoice(ctx, invoice));
	router.post('/v1/invoices/:invoice/send', (ctx, { invoice }) => sendInvoice(ctx, invoice));
	router.get('/v1/invoices', (ctx) => {
		const customer = optionalString(ctx.params, 'customer');
		const subscription = optionalString(ctx.params, 'subscription');
		const status = optionalString(ctx.params, 'status');
		const items = ctx.scope.list('invoice', (invoice) => {
			const parent = invoice.parent as { subscription_details?: { subscription?: string } } | null;
			return (
				(!customer || invoice.customer === customer) &&
				(!status || invoice.status === status) &&
				(!subscription || parent?.subscription_details?.subscription === subscription)
			);
		});
		return listResponse(ctx.params, items, '/v1/invoices');
	});
}
