import { PaymentInputError } from '../errors';
import type { NormalizedEvent, NormalizedEventName } from '../payments/types';
import { NORMALIZED_EVENT_SOURCES } from './eventCatalog';
import type { FieldCondition, NormalizedEventSource } from './eventCatalog';
import { dropClientSecret, NORMALIZED_OBJECT_TYPES, normalizeStripeObject } from './normalize';
import {
	integerField,
	isoFromUnixSeconds,
	objectField,
	textField,
	type StripeObject,
} from './normalizeFields';

export { NORMALIZED_EVENT_SOURCES, NORMALIZED_EVENTS } from './eventCatalog';

/**
 * A verified Stripe event as a normalised event (GUIDE §5): what it means (`names`), the
 * gateway-neutral payment block, and the raw object — the event's own `data.object` (or the
 * confirmed object), its `client_secret` blanked in place (dropClientSecret). The table
 * of meanings is eventCatalog.ts.
 */

export interface NormalizeEventOptions {
	/**
	 * The event's object as re-read from Stripe ("Confirm with Stripe"): it replaces the delivered
	 * object, and every meaning whose `stillTrue` condition it no longer meets is dropped.
	 */
	confirmedObject?: Record<string, unknown>;
}

/** What the event envelope must hold; anything else is not a Stripe event. */
type StripeEventEnvelope = NormalizedEvent['event'] & { object: StripeObject };

export function normalizeStripeEvent(
	event: Record<string, unknown>,
	options: NormalizeEventOptions = {},
): NormalizedEvent {
	const envelope = readEnvelope(event);
	const confirmed = options.confirmedObject;
	if (confirmed !== undefined && textField(confirmed.id) !== textField(envelope.object.id)) {
		throw new PaymentInputError(
			'confirmedObject',
			'is not the object the event is about.',
			'Re-read the object named in data.object.id.',
		);
	}
	const object = confirmed ?? envelope.object;
	const objectType = textField(object.object) ?? '';
	const payment = PAYMENT_OBJECT_TYPES.has(objectType) ? normalizeStripeObject(object) : null;
	if (payment) payment.account = envelope.account;
	dropClientSecret(object);
	const normalized: NormalizedEvent = {
		event: {
			id: envelope.id,
			type: envelope.type,
			created: envelope.created,
			livemode: envelope.livemode,
			apiVersion: envelope.apiVersion,
			account: envelope.account,
		},
		names: meaningsOf(envelope.type, envelope.object, confirmed),
		payment,
		object,
	};
	addEventMeaning(normalized, envelope.type);
	return normalized;
}

/**
 * Keys that make a meaning fire at most once however many events carry it. `payment.succeeded` is
 * keyed by the payment intent that took the money (`payment.succeeded:pi_…`), in every Checkout
 * mode: a payment-mode session names it (`payment_intent`), so its checkout.session.completed and
 * the intent's payment_intent.succeeded share one key and the first delivery wins. A subscription's
 * money (first invoice and renewals alike) is the invoice's payment intent, reported by its
 * payment_intent.succeeded only: the session (payment_intent null) and the invoice events do not
 * mean payment.succeeded (eventCatalog.ts), because since API 2025-03-31 neither they nor the
 * payment intent name each other in the payload, so no key could join them without an API call
 * per delivery. Setup mode moves no money. docs/trigger.md, "Once per payment".
 */
export function onceKeysOf(normalized: NormalizedEvent): Map<NormalizedEventName, string> {
	const keys = new Map<NormalizedEventName, string>();
	const objectId = textField(normalized.object.id);
	for (const source of NORMALIZED_EVENT_SOURCES) {
		if (source.stripeType !== normalized.event.type || !source.oncePer) continue;
		if (!normalized.names.includes(source.name)) continue;
		const id =
			source.oncePer === 'payment' ? (normalized.payment?.paymentId ?? objectId) : objectId;
		if (id) keys.set(source.name, `${source.name}:${id}`);
	}
	return keys;
}

/** The fewest raw event types a webhook endpoint must enable for these names and raw types. */
export function enabledEventsFor(names: NormalizedEventName[], rawTypes: string[] = []): string[] {
	const types = new Set(rawTypes);
	for (const source of NORMALIZED_EVENT_SOURCES) {
		if (names.includes(source.name)) types.add(source.stripeType);
	}
	return [...types].sort();
}

const SOURCES_BY_TYPE = new Map<string, NormalizedEventSource[]>();
for (const source of NORMALIZED_EVENT_SOURCES) {
	SOURCES_BY_TYPE.set(source.stripeType, [
		...(SOURCES_BY_TYPE.get(source.stripeType) ?? []),
		source,
	]);
}
const PAYMENT_OBJECT_TYPES = new Set(NORMALIZED_OBJECT_TYPES);

/**
 * The names the delivered object means, each once, in catalogue order; with a confirmed object,
 * only those whose `stillTrue` it still meets. A loop rather than filter/map/Set: this runs on
 * every delivery.
 */
function meaningsOf(
	type: string,
	delivered: StripeObject,
	confirmed: StripeObject | undefined,
): NormalizedEventName[] {
	const names: NormalizedEventName[] = [];
	for (const source of SOURCES_BY_TYPE.get(type) ?? []) {
		if (!holds(source.when, delivered)) continue;
		if (confirmed !== undefined && !holds(source.stillTrue, confirmed)) continue;
		if (!names.includes(source.name)) names.push(source.name);
	}
	return names;
}

/** Dotted condition fields, split once. */
const FIELD_PATHS = new Map<string, readonly string[]>();

function holds(
	condition: FieldCondition | readonly FieldCondition[] | undefined,
	object: StripeObject,
): boolean {
	if (!condition) return true;
	if (isConditionList(condition)) {
		for (const part of condition) if (!holds(part, object)) return false;
		return true;
	}
	let path = FIELD_PATHS.get(condition.field);
	if (path === undefined) {
		path = condition.field.split('.');
		FIELD_PATHS.set(condition.field, path);
	}
	let value: unknown = object;
	for (const part of path) value = objectField(value)?.[part];
	return typeof value === 'string' && condition.in.includes(value);
}

function isConditionList(
	condition: FieldCondition | readonly FieldCondition[],
): condition is readonly FieldCondition[] {
	return Array.isArray(condition);
}

/** What the event type says beyond the object's own state. */
function addEventMeaning(normalized: NormalizedEvent, type: string): void {
	const { payment, object } = normalized;
	if (type === 'checkout.session.async_payment_failed' && payment) {
		// The session still reads complete/unpaid, which alone would mean "wait": it will not arrive.
		payment.status = 'failed';
		payment.paid = false;
		payment.nextStep = 'ask_for_new_payment_method';
		payment.nextStepUrl = null;
		payment.reason =
			'The delayed payment (for example a bank debit) failed: no money arrived. ' +
			'Ask the customer to pay again with another payment method.';
	}
	if (type === 'invoice.payment_failed') {
		normalized.dunning = {
			attemptCount: integerField(object.attempt_count) ?? 0,
			nextAttemptAt: isoFromUnixSeconds(object.next_payment_attempt),
			hostedInvoiceUrl: textField(object.hosted_invoice_url),
		};
	}
}

function readEnvelope(event: Record<string, unknown>): StripeEventEnvelope {
	const id = textField(event?.id);
	const type = textField(event?.type);
	const created = integerField(event?.created);
	const object = objectField(objectField(event?.data)?.object);
	if (event?.object !== 'event' || !id || !type || created === null || !object) {
		throw new PaymentInputError(
			'event',
			'is not a Stripe event (it needs object "event", id, type, created and data.object).',
			'Send the event body exactly as Stripe delivered it.',
		);
	}
	return {
		id,
		type,
		created,
		livemode: event.livemode === true,
		apiVersion: textField(event.api_version),
		account: textField(event.account),
		object,
	};
}
