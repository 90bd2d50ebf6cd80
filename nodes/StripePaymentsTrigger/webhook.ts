import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DuplicateStore } from '../../core/dedupe/duplicateStore';
import type { NormalizedEvent, NormalizedEventName } from '../../core/payments/types';
import { normalizeStripeEvent, onceKeysOf } from '../../core/stripe/events';
import { verifyStripeSignature } from '../../core/stripe/webhookSignature';
import { toNodeError } from '../shared/nodeErrors';
import { reReadEventObject } from './confirm';
import { readTriggerSettings } from './description';
import type { TriggerSettings } from './description';
import { openDuplicateStore, storeUnavailableMessage } from './duplicates';
import { readSigningSecrets } from './endpointState';

/**
 * One delivery: verify the signature over the exact bytes before anything else, then parse, claim
 * the event in the duplicate store, keep only what the user chose, and hand n8n one item. Stripe is
 * answered 2xx only once the execution is recorded (see startThenAcknowledge); a delivery that is
 * not proven to come from Stripe is answered 400/401 and starts nothing.
 */
export async function receiveStripeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
	};
	const settings = readTriggerSettings(this);
	const secrets = await readSigningSecrets(this);
	if (!Buffer.isBuffer(request.rawBody)) return reject(this, 400, 'raw request body unavailable');
	const check = verifyStripeSignature({
		rawBody: request.rawBody,
		header: request.headers['stripe-signature'],
		secrets,
		toleranceSeconds: settings.toleranceSeconds,
	});
	if (!check.ok) return reject(this, check.status, check.reason);

	const event = parseEvent(request.rawBody);
	if (!event) return reject(this, 400, 'body is not a Stripe event');
	let normalized: NormalizedEvent;
	try {
		normalized = normalizeStripeEvent(event);
	} catch (error) {
		return await acknowledgeUnreadable(this, settings, event, error);
	}
	if (!isWanted(normalized, settings)) return {};

	const claimed: string[] = [];
	let store: DuplicateStore | undefined;
	try {
		store = await openDuplicateStore(this, settings);
		const eventKey = `event:${normalized.event.id}`;
		const state = await store.claim(eventKey);
		if (state === 'done') return {};
		if (state === 'in_progress') {
			return reject(this, 409, 'this event is being processed by another delivery; retry later');
		}
		claimed.push(eventKey);
		if (settings.confirmWithStripe) {
			const fresh = await reReadEventObject.call(this, normalized.object);
			if (fresh) normalized = normalizeStripeEvent(event, { confirmedObject: fresh });
		}
		const names = await namesToEmit(normalized, settings, store, claimed);
		if (names === null) {
			await store.release(claimed);
			return reject(this, 409, 'another event of this payment is being processed; retry later');
		}
		if (names.length === 0 && !settings.rawTypes.includes(normalized.event.type)) {
			await store.markDone(claimed);
			return {};
		}
		return startThenAcknowledge(this, store, claimed, outputItem(normalized, names));
	} catch (error) {
		if (store && claimed.length > 0) await store.release(claimed).catch(() => undefined);
		const unavailable = storeUnavailableMessage(error);
		if (unavailable !== undefined) {
			this.logger.error(`Stripe Payments Trigger: ${unavailable}`);
			return reject(this, 503, unavailable);
		}
		throw toNodeError(this.getNode(), error);
	}
}

/** The parsed body when it is a JSON object; null otherwise (answered 400). */
function parseEvent(rawBody: Buffer): IDataObject | null {
	try {
		const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: null;
	} catch {
		return null;
	}
}

/**
 * A signed Stripe event (object "event" with an id) that cannot be read: answering 4xx/5xx would
 * make Stripe retry it for three days, and it would fail the same way each time. It is answered
 * 200, remembered like a processed event, and logged with its id; it starts no execution.
 */
async function acknowledgeUnreadable(
	context: IWebhookFunctions,
	settings: TriggerSettings,
	event: IDataObject,
	error: unknown,
): Promise<IWebhookResponseData> {
	if (event.object !== 'event' || typeof event.id !== 'string' || event.id === '') {
		return reject(context, 400, 'body is not a Stripe event');
	}
	const reason = error instanceof Error ? error.message : String(error);
	context.logger.error(
		`Stripe Payments Trigger: event ${event.id} (${String(event.type)}) could not be read and ` +
			`starts no execution: ${reason}. It was acknowledged so Stripe stops re-sending it; find it in ` +
			'the Stripe Dashboard (Developers → Events) to handle it by hand.',
		{ eventId: event.id, eventType: String(event.type) },
	);
	try {
		const store = await openDuplicateStore(context, settings);
		const key = `event:${event.id}`;
		if ((await store.claim(key)) === 'claimed') await store.markDone([key]);
	} catch (storeError) {
		const unavailable = storeUnavailableMessage(storeError);
		if (unavailable === undefined) throw toNodeError(context.getNode(), storeError);
		return reject(context, 503, unavailable);
	}
	return { webhookResponse: { received: true, started: false } };
}

function isWanted(normalized: NormalizedEvent, settings: TriggerSettings): boolean {
	return (
		normalized.names.some((name) => settings.names.includes(name)) ||
		settings.rawTypes.includes(normalized.event.type)
	);
}

/**
 * The chosen meanings of this delivery, less those already emitted for the same payment/object;
 * null when another delivery holds one of its once-keys right now (the other event of the same
 * payment, or an earlier attempt of this one): the delivery is then answered 409 and Stripe retries
 * it when that key is done (the meaning is dropped) or its lease ran out (claimed then).
 */
async function namesToEmit(
	normalized: NormalizedEvent,
	settings: TriggerSettings,
	store: DuplicateStore,
	claimed: string[],
): Promise<NormalizedEventName[] | null> {
	const onceKeys = onceKeysOf(normalized);
	const names: NormalizedEventName[] = [];
	for (const name of normalized.names) {
		if (!settings.names.includes(name)) continue;
		const key = onceKeys.get(name);
		if (key !== undefined) {
			const state = await store.claim(key);
			if (state === 'in_progress') return null;
			if (state === 'done') continue;
			claimed.push(key);
		}
		names.push(name);
	}
	return names;
}

function outputItem(normalized: NormalizedEvent, names: NormalizedEventName[]): IDataObject {
	const item: IDataObject = {
		event: normalized.event,
		names,
		payment: normalized.payment as unknown as IDataObject | null,
		object: normalized.object as IDataObject,
	};
	if (normalized.dunning) item.dunning = normalized.dunning;
	return item;
}

/**
 * Hands n8n the item and lets n8n answer Stripe ('onReceived', no response of our own): n8n 2.40
 * answers only after WorkflowRunner.run has recorded the execution (or, in queue mode, enqueued
 * it). The claims become "done" at that moment: n8n reads `webhookResponse` (the body of its
 * answer) after run() returned and before it saves static data and answers, so the done marks are
 * saved (static data) or sent to Redis before the 200, and only for an execution that exists.
 * (Static data changed inside webhook() itself is not saved on this path: run() re-wraps the same
 * static-data object and clears its "changed" flag; a change made after run() is saved.)
 * If run() fails, n8n answers 500, the claims stay pending, and their lease lets Stripe's retry in.
 */
function startThenAcknowledge(
	context: IWebhookFunctions,
	store: DuplicateStore,
	claimed: string[],
	item: IDataObject,
): IWebhookResponseData {
	let marked = false;
	const result: IWebhookResponseData = { workflowData: [[{ json: item }]] };
	Object.defineProperty(result, 'webhookResponse', {
		enumerable: true,
		get: () => {
			if (!marked) {
				marked = true;
				store.markDone(claimed).catch((error: unknown) => {
					context.logger.error(
						`Stripe Payments Trigger: the execution of ${claimed[0]} started, but it could not be ` +
							`marked done (${error instanceof Error ? error.message : String(error)}); a re-delivery ` +
							'after the claim expires would start it again.',
					);
				});
			}
			return { received: true };
		},
	});
	return result;
}

function reject(
	context: IWebhookFunctions,
	status: 400 | 401 | 409 | 503,
	reason: string,
): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: reason });
	return { noWebhookResponse: true };
}
