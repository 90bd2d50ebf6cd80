import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import Stripe from 'stripe';
import type { Scope, StripeObject } from './state';

export interface DeliveryRecord {
	eventId: string | null;
	eventType: string | null;
	endpointId: string | null;
	url: string;
	attempt: number;
	/** HTTP status, or null when the connection failed or timed out. */
	status: number | null;
	error: string | null;
	signature: 'valid' | 'tampered_body' | 'tampered_signature' | 'stale' | 'none';
	at: number;
	responseBody: string;
}

export interface SendOptions {
	url: string;
	payload: string;
	secret: string | null;
	timestampSeconds?: number;
	tamper?: 'body' | 'signature';
	timeoutMs: number;
}

/** One signed POST, the way Stripe sends webhooks (pretty-printed JSON, Stripe-Signature header). */
export function sendSigned(
	options: SendOptions,
): Promise<{ status: number | null; error: string | null; body: string }> {
	const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
	let header: string | null = options.secret
		? Stripe.webhooks.generateTestHeaderString({
				payload: options.payload,
				secret: options.secret,
				timestamp,
			})
		: null;
	let body = options.payload;
	if (options.tamper === 'body') body = body.replace('{', '{ ');
	if (options.tamper === 'signature' && header) {
		header = header.replace(
			/v1=([0-9a-f]*)([0-9a-f])$/,
			(_m, head: string, last: string) => `v1=${head}${last === '0' ? '1' : '0'}`,
		);
	}
	const headers: Record<string, string> = {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(body)),
		'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
		'Cache-Control': 'no-cache',
		Accept: '*/*; q=0.5, application/xml',
	};
	if (header) headers['Stripe-Signature'] = header;
	const target = new URL(options.url);
	const send = target.protocol === 'https:' ? httpsRequest : request;
	return new Promise((resolve) => {
		const req = send(target, { method: 'POST', headers, timeout: options.timeoutMs }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? null,
					error: null,
					body: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
				}),
			);
			res.on('error', (error) =>
				resolve({ status: res.statusCode ?? null, error: error.message, body: '' }),
			);
		});
		req.on('timeout', () => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
		req.on('error', (error) => resolve({ status: null, error: error.message, body: '' }));
		req.end(body);
	});
}

export function eventMatches(endpoint: StripeObject, type: string): boolean {
	const enabled = (endpoint.enabled_events as string[] | undefined) ?? [];
	return enabled.includes('*') || enabled.includes(type);
}

/** The event as an endpoint receives it: rendered for the endpoint's api_version. */
export function payloadFor(event: StripeObject, endpoint: StripeObject | null): string {
	const apiVersion = (endpoint?.api_version as string | null | undefined) ?? event.api_version;
	return JSON.stringify({ ...event, api_version: apiVersion }, null, 2);
}

/**
 * Delivers every event to the enabled endpoints of its account whose enabled_events match, signing
 * with the endpoint's secret, and re-delivers after each delay in `retryDelaysMs` until a 2xx.
 * Every attempt is recorded in `deliveries`.
 */
export class WebhookDispatcher {
	readonly deliveries: DeliveryRecord[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private inFlight = 0;
	private waiters: Array<() => void> = [];
	private stopped = false;

	constructor(private readonly options: { retryDelaysMs: number[]; timeoutMs: number }) {}

	onEvent(scope: Scope, event: StripeObject): void {
		const endpoints = scope.list(
			'webhook_endpoint',
			(endpoint) => endpoint.status === 'enabled' && eventMatches(endpoint, event.type as string),
		);
		event.pending_webhooks = endpoints.length;
		for (const endpoint of endpoints) {
			const secret = scope.hiddenOf(endpoint.id).secret as string;
			// Asynchronous like Stripe's: the API response that caused the event goes out first.
			this.schedule(0, () => this.attempt(scope, event, endpoint, secret, 1));
		}
	}

	private attempt(
		scope: Scope,
		event: StripeObject,
		endpoint: StripeObject,
		secret: string,
		attempt: number,
	): void {
		if (this.stopped) return;
		// A deleted or disabled endpoint gets no more (re-)deliveries, as in Stripe.
		const current = scope.find(endpoint.id);
		if (!current || current.status !== 'enabled') return;
		this.inFlight++;
		const url = endpoint.url as string;
		sendSigned({
			url,
			payload: payloadFor(event, endpoint),
			secret,
			timeoutMs: this.options.timeoutMs,
		})
			.then((result) => {
				this.deliveries.push({
					eventId: event.id,
					eventType: event.type as string,
					endpointId: endpoint.id,
					url,
					attempt,
					status: result.status,
					error: result.error,
					signature: 'valid',
					at: Date.now(),
					responseBody: result.body,
				});
				const ok = result.status !== null && result.status >= 200 && result.status < 300;
				if (ok) event.pending_webhooks = Math.max(0, (event.pending_webhooks as number) - 1);
				const delay = this.options.retryDelaysMs[attempt - 1];
				if (!ok && delay !== undefined && !this.stopped) {
					this.schedule(delay, () => this.attempt(scope, event, endpoint, secret, attempt + 1));
				}
			})
			.finally(() => {
				this.inFlight--;
				this.settle();
			});
	}

	private schedule(delayMs: number, work: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			work();
			this.settle();
		}, delayMs);
		this.timers.add(timer);
	}

	record(record: DeliveryRecord): void {
		this.deliveries.push(record);
	}

	track<T>(work: Promise<T>): Promise<T> {
		this.inFlight++;
		return work.finally(() => {
			this.inFlight--;
			this.settle();
		});
	}

	private settle(): void {
		if (this.inFlight > 0 || this.timers.size > 0) return;
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves once nothing is being delivered and no re-delivery is scheduled. */
	idle(): Promise<void> {
		if (this.inFlight === 0 && this.timers.size === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.deliveries.length = 0;
		this.settle();
	}

	stop(): void {
		this.stopped = true;
		this.reset();
	}
}
