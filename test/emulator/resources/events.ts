import { listResponse, matchesRange } from '../pagination';
import { optionalBoolean, optionalString, stringArray } from '../params';
import type { Router } from '../router';

/** Events are listed newest first; `type` accepts a `*` wildcard suffix (`payment_intent.*`). */
function typeMatches(type: string, pattern: string): boolean {
	if (pattern.endsWith('*')) return type.startsWith(pattern.slice(0, -1));
	return type === pattern;
}

export function registerEvents(router: Router): void {
	router.get('/v1/events/:event', (ctx, { event }) => ctx.scope.get(event, 'event', 'event', 'id'));
	router.get('/v1/events', (ctx) => {
		const type = optionalString(ctx.params, 'type');
		const types = stringArray(ctx.params, 'types');
		const delivered = optionalBoolean(ctx.params, 'delivery_success');
		const items = ctx.scope.list('event', (event) => {
			const eventType = event.type as string;
			if (type && !typeMatches(eventType, type)) return false;
			if (types && !types.some((pattern) => typeMatches(eventType, pattern))) return false;
			if (delivered !== undefined && delivered !== (event.pending_webhooks === 0)) return false;
			return matchesRange(event.created, ctx.params.created);
		});
		return listResponse(ctx.params, items, '/v1/events');
	});
}
