import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { PaymentInputError } from '../../core/errors';
import type { NormalizedEvent, NormalizedEventName } from '../../core/payments/types';
import { normalizeStripeEvent, onceKeysOf } from '../../core/stripe/events';
import { verifyStripeSignature } from '../../core/stripe/webhookSignature';
import { toNodeError } from '../shared/nodeErrors';
import { reReadEventObject } from './confirm';
import { openDedupe } from './dedupe';
import type { DedupeSession } from './dedupe';
import { readTriggerSettings } from './description';
import type { TriggerSettings } from './description';
import { readEndpoint } from './endpointState';

/**
 * One delivery: verify the signature over the exact bytes before anything else, then parse,
 * drop re-deliveries, keep only what the user chose, and emit one item. A delivery that is not
 * proven to come from Stripe is answered 400/401 and starts nothing.
 */
export async function receiveStripeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
	};
	const settings = readTriggerSettings(this);
	const staticData = this.getWorkflowStaticData('node');
	const secrets =
		settings.endpointMode === 'manual'
			? settings.manualSecrets
			: [readEndpoint(staticData)?.secret ?? ''];
	if (!Buffer.isBuffer(request.rawBody)) return reject(this, 400, 'raw request body unavailable');
	const check = verifyStripeSignature({
		rawBody: request.rawBody,
		header: request.headers['stripe-signature'],
		secrets,
		toleranceSeconds: settings.toleranceSeconds,
	});
	if (!check.ok) return reject(this, check.status, check.reason);

	let event: IDataObject;
	let normalized: NormalizedEvent;
	try {
		event = JSON.parse(request.rawBody.toString('utf8')) as IDataObject;
		normalized = normalizeStripeEvent(event);
	} catch (error) {
		if (error instanceof SyntaxError || error instanceof PaymentInputError) {
			return reject(this, 400, 'body is not a Stripe event');
		}
		throw toNodeError(this.getNode(), error);
	}
	if (!isWanted(normalized, settings)) return {};

	const node = this.getNode();
	const scope = `${this.getWorkflow().id ?? ''}:${node.id}:${this.getMode()}`;
	const dedupe = openDedupe(staticData, scope, settings.rememberedEvents);
	const eventKey = `event:${normalized.event.id}`;
	if (!dedupe.claim(eventKey)) return {};
	const claimed = [eventKey];
	try {
		if (settings.confirmWithStripe) {
			const fresh = await reReadEventObject.call(this, normalized);
			if (fresh) normalized = normalizeStripeEvent(event, { confirmedObject: fresh });
		}
		const names = namesToEmit(normalized, settings, dedupe, claimed);
		dedupe.commit(claimed);
		if (names.length === 0 && !settings.rawTypes.includes(normalized.event.type)) return {};
		return acknowledgeAndStart(this, outputItem(normalized, names));
	} catch (error) {
		dedupe.release(claimed);
		throw toNodeError(node, error);
	}
}

function isWanted(normalized: NormalizedEvent, settings: TriggerSettings): boolean {
	return (
		normalized.names.some((name) => settings.names.includes(name)) ||
		settings.rawTypes.includes(normalized.event.type)
	);
}

/** The chosen meanings of this delivery, less those already emitted for the same payment/object. */
function namesToEmit(
	normalized: NormalizedEvent,
	settings: TriggerSettings,
	dedupe: DedupeSession,
	claimed: string[],
): NormalizedEventName[] {
	const onceKeys = onceKeysOf(normalized);
	return normalized.names.filter((name) => {
		if (!settings.names.includes(name)) return false;
		const key = onceKeys.get(name);
		if (key === undefined) return true;
		if (!dedupe.claim(key)) return false;
		claimed.push(key);
		return true;
	});
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
 * Answers Stripe 200 ourselves and starts the execution. Why not let n8n answer ('onReceived')?
 * n8n 2.40 saves the static data changed by webhook() in its response callback, and with
 * 'onReceived' that callback runs only after the execution has been prepared from the same
 * static-data object, which clears its "changed" flag: the processed event ids would never be
 * saved, and a re-delivery after a restart would start a second execution. With
 * `noWebhookResponse` n8n calls the callback, and saves, before it prepares the execution.
 */
function acknowledgeAndStart(context: IWebhookFunctions, item: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(200).json({ received: true });
	return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
}

function reject(
	context: IWebhookFunctions,
	status: 400 | 401,
	reason: string,
): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: reason });
	return { noWebhookResponse: true };
}
