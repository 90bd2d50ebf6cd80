import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StripeEmulator } from './index';
import { readBody } from './http';
import { deliverFromControl, type DeliverRequest } from './controlDeliver';
import { controlActions } from './controlActions';
import type { KeyMode, Scope } from './state';

/**
 * The test-only control API under /_emulator/ (no API key; loopback only). JSON in, JSON out.
 * See README.md for every route.
 */
function json(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body, null, 2);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

function scopeFrom(emulator: StripeEmulator, url: URL, body: Record<string, unknown>): Scope {
	const mode = (body.mode ?? url.searchParams.get('mode') ?? 'test') as KeyMode;
	const account = (body.account ?? url.searchParams.get('account') ?? null) as string | null;
	return emulator.scope(mode, account);
}

export function stateSummary(emulator: StripeEmulator, scope: Scope) {
	const counts: Record<string, number> = {};
	for (const object of scope.objects.values())
		counts[object.object] = (counts[object.object] ?? 0) + 1;
	const refundsByPaymentIntent: Record<string, number> = {};
	for (const refund of scope.list('refund')) {
		const key = (refund.payment_intent as string | null) ?? `charge:${String(refund.charge)}`;
		refundsByPaymentIntent[key] = (refundsByPaymentIntent[key] ?? 0) + 1;
	}
	const moneyMovementsByIdempotencyKey: Record<string, number> = {};
	for (const movement of scope.moneyMovements) {
		const key = movement.idempotencyKey ?? '(none)';
		moneyMovementsByIdempotencyKey[key] = (moneyMovementsByIdempotencyKey[key] ?? 0) + 1;
	}
	const deliveriesByStatus: Record<string, number> = {};
	for (const delivery of emulator.deliveries) {
		const key = delivery.status === null ? 'failed' : String(delivery.status);
		deliveriesByStatus[key] = (deliveriesByStatus[key] ?? 0) + 1;
	}
	const endpoints = scope.list('webhook_endpoint').map((endpoint) => ({
		id: endpoint.id,
		url: endpoint.url,
		enabled_events: endpoint.enabled_events,
		status: endpoint.status,
		api_version: endpoint.api_version,
		metadata: endpoint.metadata,
	}));
	return {
		mode: scope.mode,
		account: scope.account,
		webhookEndpoints: endpoints.length,
		endpoints,
		objects: counts,
		refundsByPaymentIntent,
		moneyMovementsByIdempotencyKey,
		moneyMovements: scope.moneyMovements,
		deliveries: { total: emulator.deliveries.length, byStatus: deliveriesByStatus },
		requests: emulator.requests.length,
		faults: { plan: emulator.faults.current(), injected: emulator.faults.injected },
	};
}

export async function handleControlRequest(
	req: IncomingMessage,
	res: ServerResponse,
	emulator: StripeEmulator,
	path: string,
): Promise<void> {
	const url = new URL(req.url ?? '/', emulator.url);
	const method = req.method ?? 'GET';
	const raw = await readBody(req);
	let body: Record<string, unknown> = {};
	if (raw.trim()) {
		try {
			body = JSON.parse(raw) as Record<string, unknown>;
		} catch {
			return json(res, 400, { error: 'control API bodies are JSON' });
		}
	}
	try {
		const scope = scopeFrom(emulator, url, body);
		const route = `${method} ${path.replace(/\/+$/, '')}`;
		if (route === 'GET /_emulator/state') return json(res, 200, stateSummary(emulator, scope));
		if (route === 'GET /_emulator/deliveries') {
			const eventId = url.searchParams.get('event');
			return json(
				res,
				200,
				emulator.deliveries.filter((d) => !eventId || d.eventId === eventId),
			);
		}
		if (route === 'GET /_emulator/requests') return json(res, 200, emulator.requests);
		if (route === 'POST /_emulator/faults') {
			emulator.faults.set(body);
			return json(res, 200, { plan: emulator.faults.current() });
		}
		if (route === 'DELETE /_emulator/faults') {
			emulator.faults.clear();
			return json(res, 200, { plan: emulator.faults.current() });
		}
		if (route === 'POST /_emulator/latency') {
			emulator.setLatency(Number(body.ms ?? 0));
			return json(res, 200, { latencyMs: Number(body.ms ?? 0) });
		}
		if (route === 'POST /_emulator/rate_limit') {
			emulator.setRateLimit(body as { test: number; live: number });
			return json(res, 200, { ok: true });
		}
		if (route === 'POST /_emulator/reset') {
			emulator.reset();
			return json(res, 200, { ok: true });
		}
		if (route === 'GET /_emulator/idle' || route === 'POST /_emulator/idle') {
			await emulator.idle();
			return json(res, 200, { idle: true });
		}
		if (route === 'POST /_emulator/events') {
			const event = emulator.deliverEvent(String(body.type), body.object as never, {
				mode: scope.mode,
				account: scope.account,
			});
			return json(res, 200, event);
		}
		if (route === 'POST /_emulator/deliver') {
			return json(res, 200, await deliverFromControl(emulator, scope, body as DeliverRequest));
		}
		const action = controlActions(emulator, scope, method, path, body);
		if (action !== undefined) return json(res, 200, await action);
		return json(res, 404, { error: `no control route ${route}` });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const status = (error as { status?: number }).status ?? 400;
		return json(res, status >= 400 && status < 600 ? status : 400, {
			error: message,
			detail: (error as { error?: unknown }).error,
		});
	}
}
