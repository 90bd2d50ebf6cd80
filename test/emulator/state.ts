import { resourceMissing } from './errors';
import { clone, newId, nowSeconds, template } from './fixtures';

export type KeyMode = 'test' | 'live';
export type StripeObject = { id: string; object: string; [field: string]: unknown };
export type EventRequest = { id: string | null; idempotency_key: string | null };
export type EventListener = (scope: Scope, event: StripeObject) => void;

export interface MoneyMovement {
	kind: 'charge' | 'capture' | 'refund';
	objectId: string;
	paymentIntent: string | null;
	amount: number;
	idempotencyKey: string | null;
	/** Set when the movement was reversed afterwards (a refund that failed). */
	failed?: boolean;
}

/**
 * The data of one Stripe account in one mode (test and live data are separate in Stripe, and a
 * connected account addressed with Stripe-Account has its own). Objects are kept in creation order.
 */
export class Scope {
	readonly objects = new Map<string, StripeObject>();
	/** The same objects by type, so lists and webhook fan-out do not scan every event. */
	private readonly byType = new Map<string, Map<string, StripeObject>>();
	/** Emulator-only facts about an object (a test card's behaviour, an endpoint's secret). */
	readonly hidden = new Map<string, Record<string, unknown>>();
	readonly createdAtMs = new Map<string, number>();
	readonly moneyMovements: MoneyMovement[] = [];

	constructor(
		readonly mode: KeyMode,
		readonly account: string | null,
		private readonly onEvent: EventListener,
		readonly defaultApiVersion: string,
	) {}

	get livemode(): boolean {
		return this.mode === 'live';
	}

	put<T extends StripeObject>(object: T): T {
		if (!this.objects.has(object.id)) this.createdAtMs.set(object.id, Date.now());
		this.objects.set(object.id, object);
		let ofType = this.byType.get(object.object);
		if (!ofType) {
			ofType = new Map();
			this.byType.set(object.object, ofType);
		}
		ofType.set(object.id, object);
		return object;
	}

	remove(id: string): void {
		const object = this.objects.get(id);
		if (!object) return;
		this.objects.delete(id);
		this.byType.get(object.object)?.delete(id);
		this.hidden.delete(id);
	}

	find(id: string): StripeObject | undefined {
		return this.objects.get(id);
	}

	/** The object, or Stripe's 404 resource_missing naming it the way Stripe does. */
	get(id: string, objectName: string, label = objectName, param = 'id'): StripeObject {
		const found = this.objects.get(id);
		if (!found || found.object !== objectName || found.deleted === true) {
			throw resourceMissing(label, id, param);
		}
		return found;
	}

	/** Newest first, as Stripe lists. */
	list(objectName: string, filter?: (object: StripeObject) => boolean): StripeObject[] {
		const out: StripeObject[] = [];
		for (const object of this.byType.get(objectName)?.values() ?? []) {
			if (object.deleted !== true && (!filter || filter(object))) out.push(object);
		}
		return out.reverse();
	}

	hiddenOf(id: string): Record<string, unknown> {
		let facts = this.hidden.get(id);
		if (!facts) {
			facts = {};
			this.hidden.set(id, facts);
		}
		return facts;
	}

	/** Records an event the way Stripe does whenever an object changes, and hands it to delivery. */
	emit(
		type: string,
		object: StripeObject,
		request: EventRequest | null,
		previousAttributes?: Record<string, unknown>,
	): StripeObject {
		const event = template('event') as StripeObject;
		Object.assign(event, {
			id: newId('evt'),
			object: 'event',
			api_version: this.defaultApiVersion,
			created: nowSeconds(),
			data: previousAttributes
				? { object: clone(object), previous_attributes: previousAttributes }
				: { object: clone(object) },
			livemode: this.livemode,
			pending_webhooks: 0,
			request: request ?? { id: null, idempotency_key: null },
			type,
		});
		if (this.account) event.account = this.account;
		else delete event.account;
		this.put(event);
		this.onEvent(this, event);
		return event;
	}

	recordMoney(movement: MoneyMovement): void {
		this.moneyMovements.push(movement);
	}
}

export class EmulatorState {
	readonly scopes = new Map<string, Scope>();

	constructor(
		private readonly onEvent: EventListener,
		readonly defaultApiVersion: string,
	) {}

	scope(mode: KeyMode, account: string | null = null): Scope {
		const key = `${mode}:${account ?? ''}`;
		let scope = this.scopes.get(key);
		if (!scope) {
			scope = new Scope(mode, account, this.onEvent, this.defaultApiVersion);
			this.scopes.set(key, scope);
		}
		return scope;
	}

	reset(): void {
		this.scopes.clear();
	}
}
