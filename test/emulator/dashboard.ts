import type { ServerResponse } from 'node:http';
import type { StripeEmulator } from './index';

/**
 * GET / in a browser: what the emulator holds (a tiny stand-in for the Stripe Dashboard for people
 * trying Paywire with `npm start`): endpoints, open checkout pages, recent events and deliveries.
 */
function escape(text: unknown): string {
	return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function table(headers: string[], rows: unknown[][]): string {
	if (rows.length === 0) return '<p><em>none</em></p>';
	const head = headers.map((header) => `<th>${escape(header)}</th>`).join('');
	const body = rows
		.map((row) => `<tr>${row.map((cell) => `<td>${String(cell)}</td>`).join('')}</tr>`)
		.join('');
	return `<table><tr>${head}</tr>${body}</table>`;
}

export function renderDashboard(res: ServerResponse, emulator: StripeEmulator): void {
	const scope = emulator.scope();
	const counts: Record<string, number> = {};
	for (const object of scope.objects.values())
		counts[object.object] = (counts[object.object] ?? 0) + 1;
	const endpoints = scope
		.list('webhook_endpoint')
		.map((endpoint) => [
			escape(endpoint.id),
			escape(endpoint.url),
			escape((endpoint.enabled_events as string[]).join(', ')),
			escape(endpoint.status),
		]);
	const sessions = scope
		.list('checkout.session', (session) => session.status === 'open')
		.slice(0, 20)
		.map((session) => [
			`<a href="/checkout/${escape(session.id)}">${escape(session.id)}</a>`,
			escape(`${String(session.amount_total)} ${String(session.currency)}`),
		]);
	const events = scope
		.list('event')
		.slice(0, 30)
		.map((event) => [
			escape(new Date((event.created as number) * 1000).toISOString()),
			escape(event.type),
			escape(event.id),
		]);
	const deliveries = emulator.deliveries
		.slice(-30)
		.reverse()
		.map((delivery) => [
			escape(new Date(delivery.at).toISOString()),
			escape(delivery.eventType),
			escape(delivery.url),
			escape(delivery.attempt),
			escape(delivery.status ?? delivery.error),
		]);
	const html = `<!doctype html><html><head><meta charset="utf-8"><title>Stripe emulator</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style></head><body>
<h1>Paywire Stripe emulator</h1><p>API at <code>${escape(emulator.url)}/v1</code> (test mode shown). Objects: ${escape(JSON.stringify(counts))}</p>
<h2>Webhook endpoints</h2>${table(['id', 'url', 'events', 'status'], endpoints)}
<h2>Open checkout sessions</h2>${table(['session', 'amount'], sessions)}
<h2>Recent events</h2>${table(['created', 'type', 'id'], events)}
<h2>Recent webhook deliveries</h2>${table(['at', 'event', 'url', 'attempt', 'answer'], deliveries)}
</body></html>`;
	res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
}
