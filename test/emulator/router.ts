import type { FormParams } from './form';
import type { EventRequest, Scope, StripeObject } from './state';

export type Method = 'GET' | 'POST' | 'DELETE';

/** What a resource handler sees of one authenticated API request. */
export interface RequestContext {
	method: Method;
	path: string;
	params: FormParams;
	scope: Scope;
	requestId: string;
	idempotencyKey: string | null;
	apiVersion: string | null;
	/** `http://127.0.0.1:<port>`: where hosted pages (checkout, invoices, portal) are served. */
	baseUrl: string;
	/** The event's `request` field for changes made by this request. */
	eventRequest: EventRequest;
	/** How long a new object stays invisible to the Search API (Stripe's index lags writes). */
	searchLagMs: number;
}

export type Handler = (ctx: RequestContext, pathParams: Record<string, string>) => unknown;

interface Route {
	method: Method;
	template: string;
	segments: string[];
	handler: Handler;
}

/** Method + path template (`/v1/payment_intents/:intent/confirm`) dispatch. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: Method, template: string, handler: Handler): this {
		this.routes.push({ method, template, segments: template.split('/'), handler });
		return this;
	}

	get(template: string, handler: Handler): this {
		return this.add('GET', template, handler);
	}

	post(template: string, handler: Handler): this {
		return this.add('POST', template, handler);
	}

	delete(template: string, handler: Handler): this {
		return this.add('DELETE', template, handler);
	}

	match(
		method: string,
		path: string,
	): { handler: Handler; pathParams: Record<string, string>; template: string } | null {
		const parts = path.replace(/\/+$/, '').split('/');
		for (const route of this.routes) {
			if (route.method !== method || route.segments.length !== parts.length) continue;
			const pathParams: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < parts.length; i++) {
				const segment = route.segments[i];
				if (segment.startsWith(':')) {
					if (!parts[i]) {
						ok = false;
						break;
					}
					pathParams[segment.slice(1)] = decodeURIComponent(parts[i]);
				} else if (segment !== parts[i]) {
					ok = false;
					break;
				}
			}
			if (ok) return { handler: route.handler, pathParams, template: route.template };
		}
		return null;
	}
}

export function emitFrom(
	ctx: RequestContext,
	type: string,
	object: StripeObject,
	previousAttributes?: Record<string, unknown>,
): StripeObject {
	return ctx.scope.emit(type, object, ctx.eventRequest, previousAttributes);
}

/** A context for changes the emulator makes on its own (control API, simulated customers). */
export function internalContext(scope: Scope, baseUrl: string): RequestContext {
	return {
		method: 'POST',
		path: '/_emulator',
		params: {},
		scope,
		requestId: '',
		idempotencyKey: null,
		apiVersion: null,
		baseUrl,
		eventRequest: { id: null, idempotency_key: null },
		searchLagMs: 0,
	};
}
