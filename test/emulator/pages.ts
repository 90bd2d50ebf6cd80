import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StripeEmulator } from './index';
import { readBody } from './server';

/**
 * Hosted pages a customer would open (checkout, 3-D Secure, invoices, portal, receipts): plain HTML
 * that names the object and the control call that completes it. Anything else is Stripe's 404.
 */
const PAGES: Record<string, string> = {
	checkout: 'Checkout Session',
	'3ds': '3-D Secure authentication for PaymentIntent',
	invoices: 'Hosted invoice',
	billing_portal: 'Customer portal session',
	receipts: 'Receipt for charge',
	payment_links: 'Payment Link',
};

export async function handlePageRequest(
	req: IncomingMessage,
	res: ServerResponse,
	emulator: StripeEmulator,
	path: string,
	_deps: unknown,
): Promise<void> {
	await readBody(req);
	const [, kind, id] = path.split('/');
	if (path === '/' || path === '/healthz') {
		const text = JSON.stringify({ emulator: 'paywire stripe emulator', url: emulator.url });
		res.writeHead(200, { 'Content-Type': 'application/json' }).end(text);
		return;
	}
	if (req.method === 'GET' && kind && id && PAGES[kind]) {
		const title = `${PAGES[kind]} ${id}`;
		const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>Served by the Paywire Stripe emulator. Tests complete this page through the control API (see test/emulator/README.md).</p></body></html>`;
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
		return;
	}
	const text = JSON.stringify({
		error: {
			message: `Unrecognized request URL (${req.method ?? 'GET'}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
			type: 'invalid_request_error',
		},
	});
	res.writeHead(404, { 'Content-Type': 'application/json' }).end(text);
}

function escape(text: string): string {
	return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
