/**
 * A tiny Stripe stand-in for bench/batch.ts: POST /v1/refunds only, with a fixed latency, a sliding
 * one-second rate limit per key mode (429 + Retry-After, rejected requests not counted, as Stripe
 * does), idempotency keys (a replay returns the stored refund) and a ledger that counts refunds per
 * payment intent. Almost no CPU per request, so what is measured is the node, not the server.
 * (The shared test emulator spends about 12 ms of CPU per refund, which caps it near 80/s.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefundServer {
	url: string;
	/** Refunds created per payment intent. */
	refundsByPaymentIntent: Map<string, number>;
	/** Answers by status, every attempt counted. */
	statusCounts: Map<number, number>;
	setLimits(limits: { test: number; live: number }): void;
	stop(): Promise<void>;
}

export async function startRefundServer(options: {
	latencyMs: number;
	limits: { test: number; live: number };
}): Promise<RefundServer> {
	let limits = options.limits;
	const windows = { test: [] as number[], live: [] as number[] };
	const stored = new Map<string, string>();
	const refundsByPaymentIntent = new Map<string, number>();
	const statusCounts = new Map<number, number>();
	let sequence = 0;

	const allow = (mode: 'test' | 'live'): boolean => {
		const now = Date.now();
		const window = windows[mode];
		while (window.length > 0 && window[0] <= now - 1000) window.shift();
		if (window.length >= limits[mode]) return false;
		window.push(now);
		return true;
	};

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
				statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
				res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body);
			};
			const mode = /^Bearer sk_live_/.test(req.headers.authorization ?? '') ? 'live' : 'test';
			if (req.method !== 'POST' || req.url !== '/v1/refunds') return answer(404, '{}');
			if (!allow(mode)) {
				const error = {
					type: 'invalid_request_error',
					code: 'rate_limit',
					message: 'Too many requests',
				};
				return answer(429, JSON.stringify({ error }), { 'Retry-After': '1' });
			}
			const key = String(req.headers['idempotency-key'] ?? '');
			const paymentIntent = new URLSearchParams(Buffer.concat(chunks).toString()).get(
				'payment_intent',
			);
			setTimeout(() => {
				const replay = stored.get(key);
				if (replay) return answer(200, replay, { 'Idempotent-Replayed': 'true' });
				const id = `re_bench_${++sequence}`;
				const refund = JSON.stringify({
					id,
					object: 'refund',
					amount: 1000,
					currency: 'usd',
					payment_intent: paymentIntent,
					status: 'succeeded',
					metadata: {},
					created: Math.floor(Date.now() / 1000),
				});
				stored.set(key, refund);
				const count = refundsByPaymentIntent.get(paymentIntent ?? '') ?? 0;
				refundsByPaymentIntent.set(paymentIntent ?? '', count + 1);
				answer(200, refund);
			}, options.latencyMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		refundsByPaymentIntent,
		statusCounts,
		setLimits: (next) => {
			limits = next;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
