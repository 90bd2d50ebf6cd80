import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderDashboard } from './dashboard';
import { StripeApiError } from './errors';
import type { StripeEmulator } from './index';
import { parseForm } from './form';
import { authenticateAndFinish, payCheckoutSession } from './resources/checkoutPay';
import { attemptInvoicePayment } from './resources/invoices';
import { openLink } from './resources/paymentLinks';
import { internalContext } from './router';
import { readBody } from './http';
import type { Scope, StripeObject } from './state';

/**
 * The hosted pages a customer opens (checkout, 3-D Secure, invoice, payment link, portal, receipt),
 * as plain HTML with buttons, so a person trying Paywire with `npm start` can pay in a browser.
 * Tests use the control API instead. Anything else answers Stripe's 404.
 */
function find(emulator: StripeEmulator, match: (object: StripeObject) => boolean) {
	for (const scope of emulator.state.scopes.values()) {
		for (const object of scope.objects.values()) if (match(object)) return { scope, object };
	}
	return null;
}

function escape(text: unknown): string {
	return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function html(res: ServerResponse, status: number, title: string, body: string): void {
	const page = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto}button{margin:.3em}</style></head><body><h1>${escape(title)}</h1>${body}<p><small>Paywire Stripe emulator — test mode only, no real money.</small></p></body></html>`;
	res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
}

function redirect(res: ServerResponse, location: string): void {
	res.writeHead(303, { Location: location }).end();
}

function money(amount: unknown, currency: unknown): string {
	return `${escape(amount)} ${escape(String(currency ?? '').toUpperCase())} (minor units)`;
}

function buttons(action: string, choices: Array<[string, string]>): string {
	return choices
		.map(
			([value, label]) =>
				`<form method="post" action="${escape(action)}"><input type="hidden" name="choice" value="${escape(value)}"><button>${escape(label)}</button></form>`,
		)
		.join('');
}

const CHECKOUT_CHOICES: Array<[string, string]> = [
	['pm_card_visa', 'Pay with a test card (succeeds)'],
	['delayed', 'Pay with a delayed method (money arrives later)'],
	['pm_card_chargeDeclined', 'Pay with a declining test card'],
	['pm_card_authenticationRequired', 'Pay with a card that needs 3-D Secure'],
];

function checkoutPage(
	req: IncomingMessage,
	res: ServerResponse,
	emulator: StripeEmulator,
	scope: Scope,
	session: StripeObject,
	choice: string | null,
) {
	const ctx = internalContext(scope, emulator.url);
	if (choice) {
		const result = payCheckoutSession(ctx, session.id, {
			delayed: choice === 'delayed',
			paymentMethod: choice === 'delayed' ? undefined : choice,
		}) as { error?: { message: string }; payment_intent?: StripeObject };
		if (result.error)
			return html(
				res,
				402,
				'Payment failed',
				`<p>${escape(result.error.message)}</p><p><a href="${escape(session.url)}">Try again</a></p>`,
			);
		if (result.payment_intent?.status === 'requires_action')
			return redirect(res, `/3ds/${result.payment_intent.id}`);
		const success = String(session.success_url ?? '').replace('{CHECKOUT_SESSION_ID}', session.id);
		return success
			? redirect(res, success)
			: html(res, 200, 'Thank you', '<p>Payment complete.</p>');
	}
	const cancel = session.cancel_url
		? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>`
		: '';
	if (session.status !== 'open')
		return html(
			res,
			200,
			`Checkout ${session.status}`,
			`<p>This session is ${escape(session.status)}.</p>`,
		);
	return html(
		res,
		200,
		'Checkout',
		`<p>Total: ${money(session.amount_total, session.currency)}</p>${buttons(req.url ?? '', CHECKOUT_CHOICES)}${cancel}`,
	);
}

function route(
	req: IncomingMessage,
	res: ServerResponse,
	emulator: StripeEmulator,
	kind: string,
	id: string,
	choice: string | null,
) {
	if (kind === 'checkout') {
		const found = find(
			emulator,
			(object) => object.id === id && object.object === 'checkout.session',
		);
		if (found) return checkoutPage(req, res, emulator, found.scope, found.object, choice);
	}
	if (kind === '3ds') {
		const found = find(
			emulator,
			(object) => object.id === id && object.object === 'payment_intent',
		);
		if (found) {
			if (!choice)
				return html(
					res,
					200,
					'3-D Secure',
					`<p>Authenticate ${money(found.object.amount, found.object.currency)}?</p>${buttons(
						req.url ?? '',
						[
							['complete', 'Complete authentication'],
							['fail', 'Fail authentication'],
						],
					)}`,
				);
			authenticateAndFinish(internalContext(found.scope, emulator.url), id, choice === 'complete');
			const back = emulator.scope(found.scope.mode, found.scope.account).hiddenOf(id).returnUrl as
				| string
				| null;
			return back
				? redirect(res, back)
				: html(res, 200, 'Authentication done', `<p>Status: ${escape(found.object.status)}</p>`);
		}
	}
	if (kind === 'invoices') {
		const found = find(emulator, (object) => object.id === id && object.object === 'invoice');
		if (found) {
			if (choice)
				attemptInvoicePayment(
					{ ...internalContext(found.scope, emulator.url), params: { payment_method: choice } },
					found.object,
				);
			const pay =
				found.object.status === 'open'
					? buttons(req.url ?? '', [['pm_card_visa', 'Pay with a test card']])
					: '';
			return html(
				res,
				200,
				`Invoice ${String(found.object.number)}`,
				`<p>Amount due: ${money(found.object.amount_remaining, found.object.currency)}; status ${escape(found.object.status)}.</p>${pay}`,
			);
		}
	}
	if (kind === 'payment_links') {
		const found = find(
			emulator,
			(object) => object.object === 'payment_link' && String(object.url).endsWith(`/${id}`),
		);
		if (found)
			return redirect(
				res,
				String(openLink(internalContext(found.scope, emulator.url), found.object.id).url),
			);
	}
	if (kind === 'billing_portal' || kind === 'receipts') {
		return html(
			res,
			200,
			kind === 'receipts' ? 'Receipt' : 'Customer portal',
			`<p>${escape(id)}</p>`,
		);
	}
	return false;
}

export async function handlePageRequest(
	req: IncomingMessage,
	res: ServerResponse,
	emulator: StripeEmulator,
	path: string,
): Promise<void> {
	const body = await readBody(req);
	const [, kind, id] = path.split('/');
	if (path === '/' && String(req.headers.accept ?? '').includes('text/html')) {
		return renderDashboard(res, emulator);
	}
	if (path === '/' || path === '/healthz') {
		res
			.writeHead(200, { 'Content-Type': 'application/json' })
			.end(JSON.stringify({ emulator: 'paywire stripe emulator', url: emulator.url }));
		return;
	}
	const choice = req.method === 'POST' ? String(parseForm(body).choice ?? '') || null : null;
	if (kind && id && (req.method === 'GET' || req.method === 'POST')) {
		try {
			if (route(req, res, emulator, kind, id, choice) !== false) return;
		} catch (error) {
			if (error instanceof StripeApiError)
				return html(res, error.status, 'Not possible', `<p>${escape(error.message)}</p>`);
			throw error;
		}
	}
	const message = `Unrecognized request URL (${req.method ?? 'GET'}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`;
	res
		.writeHead(404, { 'Content-Type': 'application/json' })
		.end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }, null, 2));
}
