import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StripeApiError } from './errors';

/** Small HTTP helpers shared by the API, control and page handlers. */
export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Bearer (what Stripe's libraries send) or Basic with the key as user name (curl -u). */
export function apiKeyOf(req: IncomingMessage): string | null {
	const header = req.headers.authorization;
	if (!header) return null;
	const bearer = /^Bearer\s+(.+)$/i.exec(header);
	if (bearer) return bearer[1].trim();
	const basic = /^Basic\s+(.+)$/i.exec(header);
	if (basic) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
	return header.trim();
}

export function headerOf(req: IncomingMessage, name: string): string | null {
	const value = req.headers[name];
	if (Array.isArray(value)) return value[0] ?? null;
	return value ?? null;
}

export function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>,
): void {
	const text = JSON.stringify(body, null, 2);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

export function errorBody(error: StripeApiError, requestId: string, livemode: boolean) {
	const mode = livemode ? '' : 'test/';
	return {
		error: {
			...error.error,
			request_log_url: `https://dashboard.stripe.com/${mode}logs/${requestId}?t=${Math.floor(Date.now() / 1000)}`,
		},
	};
}
