import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { handleControlRequest } from './control';
import { FaultController, type FaultPlan } from './faults';
import { IdempotencyStore } from './idempotency';
import { handlePageRequest } from './pages';
import { SlidingWindowLimiter } from './rateLimit';
import { registerAll } from './resources';
import { Router } from './router';
import { handleApiRequest, type RequestRecord } from './server';
import { EmulatorState, type KeyMode, type Scope, type StripeObject } from './state';
import { WebhookDispatcher, type DeliveryRecord } from './webhooks';

export type { FaultPlan } from './faults';
export type { DeliveryRecord } from './webhooks';
export type { RequestRecord } from './server';

export interface StripeEmulatorOptions {
	port?: number;
	host?: string;
	/** Added to every API request while it executes (so concurrent same-key requests overlap). */
	latencyMs?: number;
	/** Per API key, sliding 1 s window. Default 25 (test) / 100 (live). 0 disables. */
	rateLimitPerSecond?: { test: number; live: number } | number;
	/** The rate limiter's window (default 1000 ms); tests widen it to stay independent of timing. */
	rateLimitWindowMs?: number;
	faults?: FaultPlan;
	/** Delays before each re-delivery of a webhook that was not answered 2xx. */
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
	/** The account's default API version (events list and endpoints without api_version). */
	apiVersion?: string;
	/** How long new objects stay out of Search API results (Stripe's index lags). Default 0. */
	searchLagMs?: number;
}

export interface StripeEmulator {
	url: string;
	port: number;
	host: string;
	state: EmulatorState;
	faults: FaultController;
	webhooks: WebhookDispatcher;
	requests: RequestRecord[];
	deliveries: DeliveryRecord[];
	/** The data of an account/mode (default: test mode, platform account). */
	scope(mode?: KeyMode, account?: string | null): Scope;
	/** Records an event of `type` about `object` and delivers it to matching endpoints. */
	deliverEvent(
		type: string,
		object: StripeObject,
		options?: { mode?: KeyMode; account?: string | null },
	): StripeObject;
	/** Resolves when no webhook delivery or re-delivery is pending. */
	idle(): Promise<void>;
	setLatency(ms: number): void;
	setRateLimit(limit: { test: number; live: number } | number): void;
	reset(): void;
	stop(): Promise<void>;
}

function normalizeLimit(limit: StripeEmulatorOptions['rateLimitPerSecond']) {
	if (limit === undefined) return { test: 25, live: 100 };
	if (typeof limit === 'number') return { test: limit, live: limit };
	return { ...limit };
}

export async function startStripeEmulator(
	options: StripeEmulatorOptions = {},
): Promise<StripeEmulator> {
	const host = options.host ?? '127.0.0.1';
	const apiVersion = options.apiVersion ?? Stripe.API_VERSION;
	let latencyMs = options.latencyMs ?? 0;
	let limits = normalizeLimit(options.rateLimitPerSecond);
	let baseUrl = '';
	const webhooks = new WebhookDispatcher({
		retryDelaysMs: options.webhookRetryDelaysMs ?? [200, 1000, 5000],
		timeoutMs: options.webhookTimeoutMs ?? 10_000,
	});
	const state = new EmulatorState((scope, event) => webhooks.onEvent(scope, event), apiVersion);
	const faults = new FaultController(options.faults);
	const idempotency = new IdempotencyStore();
	const limiter = new SlidingWindowLimiter(options.rateLimitWindowMs ?? 1000);
	const router = registerAll(new Router());
	const requests: RequestRecord[] = [];
	const deps = {
		router,
		state,
		idempotency,
		limiter,
		faults,
		requests,
		latencyMs: () => latencyMs,
		rateLimitFor: (mode: KeyMode) => limits[mode],
		baseUrl: () => baseUrl,
		searchLagMs: () => options.searchLagMs ?? 0,
	};
	const emulator = {} as StripeEmulator;

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const path = (req.url ?? '/').split('?')[0];
		let handling: Promise<void>;
		if (path.startsWith('/_emulator/')) handling = handleControlRequest(req, res, emulator, path);
		else if (path.startsWith('/v1/')) handling = handleApiRequest(req, res, deps);
		else handling = handlePageRequest(req, res, emulator, path);
		handling.catch((error: unknown) => {
			console.error('emulator: unhandled error', error);
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	// Longer than clients' idle timeouts, so a reused keep-alive socket is never closed under them.
	server.keepAliveTimeout = 65_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://${host}:${port}`;

	Object.assign(emulator, {
		url: baseUrl,
		port,
		host,
		state,
		faults,
		webhooks,
		requests,
		deliveries: webhooks.deliveries,
		scope: (mode: KeyMode = 'test', account: string | null = null) => state.scope(mode, account),
		deliverEvent: (type: string, object: StripeObject, where = {}) => {
			const { mode = 'test', account = null } = where as {
				mode?: KeyMode;
				account?: string | null;
			};
			return state.scope(mode, account).emit(type, object, null);
		},
		idle: () => webhooks.idle(),
		setLatency: (ms: number) => {
			latencyMs = ms;
		},
		setRateLimit: (limit: { test: number; live: number } | number) => {
			limits = normalizeLimit(limit);
		},
		reset: () => {
			state.reset();
			idempotency.clear();
			limiter.clear();
			faults.clear();
			webhooks.reset();
			requests.length = 0;
		},
		stop: async () => {
			webhooks.stop();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	} satisfies Partial<StripeEmulator>);
	return emulator;
}
