import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBody } from '../http';

/** One API request as the client under test sent it: method, path with query, form body. */
export interface RecordedRequest {
	method: string;
	path: string;
	body: string;
	status: number;
}

/**
 * A loopback proxy in front of the emulator that records every request the node or the Zapier
 * app sends (their own request builders, byte for byte) and forwards it with `fetch`.
 */
export async function startRecordingProxy(
	target: string,
): Promise<{ url: string; requests: RecordedRequest[]; stop: () => Promise<void> }> {
	const requests: RecordedRequest[] = [];
	const server: Server = createServer((req, res) => {
		void (async () => {
			const body = await readBody(req);
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(req.headers)) {
				if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) {
					headers[name] = value;
				}
			}
			const method = req.method ?? 'GET';
			const response = await fetch(`${target}${req.url ?? '/'}`, {
				method,
				headers,
				body: method === 'GET' || method === 'DELETE' ? undefined : body,
			});
			const text = await response.text();
			requests.push({ method, path: req.url ?? '/', body, status: response.status });
			const answer: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) {
					answer[name] = value;
				}
			});
			res.writeHead(response.status, answer);
			res.end(text);
		})().catch((error: unknown) => {
			res.writeHead(502);
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
