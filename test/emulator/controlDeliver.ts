import type { StripeEmulator } from './index';
import { newId, nowSeconds } from './fixtures';
import type { Scope, StripeObject } from './state';
import { eventMatches, payloadFor, sendSigned, type DeliveryRecord } from './webhooks';

/**
 * POST /_emulator/deliver: sends one event (raw JSON, or built from type + object) to every matching
 * endpoint, to one endpoint, or to any URL, `times` times with the first `concurrent` at once, signed
 * correctly or deliberately wrong (tampered body or signature, stale timestamp, no signature).
 */
export interface DeliverRequest {
	event?: Record<string, unknown>;
	/** Exact bytes to send (wins over `event`). */
	payload?: string;
	type?: string;
	object?: Record<string, unknown>;
	endpoint?: string;
	url?: string;
	secret?: string;
	times?: number;
	concurrent?: number;
	tamper?: 'body' | 'signature' | true;
	staleSeconds?: number;
	futureSeconds?: number;
	unsigned?: boolean;
	timeoutMs?: number;
}

function buildEvent(scope: Scope, request: DeliverRequest): Record<string, unknown> {
	if (request.event) return request.event;
	return {
		id: newId('evt'),
		object: 'event',
		api_version: scope.defaultApiVersion,
		created: nowSeconds(),
		data: { object: request.object ?? {} },
		livemode: scope.livemode,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type: request.type ?? 'payment_intent.succeeded',
	};
}

export async function deliverFromControl(
	emulator: StripeEmulator,
	scope: Scope,
	request: DeliverRequest,
): Promise<{ event: Record<string, unknown>; deliveries: DeliveryRecord[] }> {
	const event = buildEvent(scope, request);
	const targets: Array<{ url: string; secret: string | null; endpoint: StripeObject | null }> = [];
	if (request.url) {
		const endpoint = request.endpoint ? scope.get(request.endpoint, 'webhook_endpoint') : null;
		const secret =
			request.secret ?? (endpoint ? (scope.hiddenOf(endpoint.id).secret as string) : null);
		targets.push({ url: request.url, secret, endpoint });
	} else {
		const endpoints = request.endpoint
			? [scope.get(request.endpoint, 'webhook_endpoint')]
			: scope.list(
					'webhook_endpoint',
					(e) => e.status === 'enabled' && eventMatches(e, String(event.type)),
				);
		for (const endpoint of endpoints) {
			const secret = request.secret ?? (scope.hiddenOf(endpoint.id).secret as string);
			targets.push({ url: endpoint.url as string, secret, endpoint });
		}
	}
	const times = Math.max(1, request.times ?? 1);
	const concurrent = Math.min(times, Math.max(1, request.concurrent ?? 1));
	const tamper = request.tamper === true ? 'body' : request.tamper;
	const signature: DeliveryRecord['signature'] = request.unsigned
		? 'none'
		: tamper === 'body'
			? 'tampered_body'
			: tamper === 'signature'
				? 'tampered_signature'
				: request.staleSeconds || request.futureSeconds
					? 'stale'
					: 'valid';
	const records: DeliveryRecord[] = [];
	const sendOne = async (target: (typeof targets)[number], attempt: number) => {
		const payload =
			request.payload ??
			(target.endpoint
				? payloadFor(event as StripeObject, target.endpoint)
				: JSON.stringify(event, null, 2));
		const timestampSeconds =
			Math.floor(Date.now() / 1000) - (request.staleSeconds ?? 0) + (request.futureSeconds ?? 0);
		const result = await sendSigned({
			url: target.url,
			payload,
			secret: request.unsigned ? null : target.secret,
			timestampSeconds,
			tamper,
			timeoutMs: request.timeoutMs ?? 10_000,
		});
		const record: DeliveryRecord = {
			eventId: typeof event.id === 'string' ? event.id : null,
			eventType: typeof event.type === 'string' ? event.type : null,
			endpointId: target.endpoint?.id ?? null,
			url: target.url,
			attempt,
			status: result.status,
			error: result.error,
			signature,
			at: Date.now(),
			responseBody: result.body,
		};
		emulator.webhooks.record(record);
		records.push(record);
	};
	for (const target of targets) {
		await emulator.webhooks.track(
			Promise.all(Array.from({ length: concurrent }, (_, index) => sendOne(target, index + 1))),
		);
		for (let attempt = concurrent + 1; attempt <= times; attempt++) {
			await emulator.webhooks.track(sendOne(target, attempt));
		}
	}
	return { event, deliveries: records };
}
