import { invalidRequest, parameterMissing } from '../errors';
import { newId, nowSeconds, randomToken, template } from '../fixtures';
import { listResponse } from '../pagination';
import {
	applyMetadata,
	optionalBoolean,
	optionalString,
	requireString,
	stringArray,
} from '../params';
import type { RequestContext, Router } from '../router';
import type { StripeObject } from '../state';

/** Stripe allows 16 webhook endpoints per account (test and live counted separately). */
export const MAX_WEBHOOK_ENDPOINTS = 16;

function enabledEvents(ctx: RequestContext, required: boolean): string[] | undefined {
	const events = stringArray(ctx.params, 'enabled_events');
	if (required && (!events || events.length === 0)) {
		throw parameterMissing('enabled_events');
	}
	return events;
}

/** Loopback URLs are accepted (Stripe refuses them; see README); live mode requires HTTPS. */
function validUrl(url: string, livemode: boolean): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw invalidRequest('Invalid URL: URL must be publicly accessible.', {
			param: 'url',
			code: 'url_invalid',
			beforeExecution: true,
		});
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw invalidRequest('Invalid URL: must be an http or https URL.', {
			param: 'url',
			code: 'url_invalid',
			beforeExecution: true,
		});
	}
	if (livemode && parsed.protocol !== 'https:') {
		throw invalidRequest('Invalid URL: live mode webhook endpoints must use HTTPS.', {
			param: 'url',
			code: 'url_invalid',
			beforeExecution: true,
		});
	}
	return url;
}

function create(ctx: RequestContext): StripeObject {
	const url = validUrl(requireString(ctx.params, 'url'), ctx.scope.livemode);
	const events = enabledEvents(ctx, true) as string[];
	const existing = ctx.scope.list('webhook_endpoint');
	if (existing.length >= MAX_WEBHOOK_ENDPOINTS) {
		throw invalidRequest(
			`You have reached the maximum of ${MAX_WEBHOOK_ENDPOINTS} test webhook endpoints.`.replace(
				'test',
				ctx.scope.livemode ? 'live' : 'test',
			),
			{ param: 'url' },
		);
	}
	const endpoint = template('webhook_endpoint') as StripeObject;
	const secret = `whsec_${randomToken(32)}`;
	Object.assign(endpoint, {
		id: newId('we'),
		api_version: optionalString(ctx.params, 'api_version') ?? null,
		application: null,
		created: nowSeconds(),
		description: optionalString(ctx.params, 'description') ?? null,
		enabled_events: events,
		livemode: ctx.scope.livemode,
		metadata: applyMetadata({}, ctx.params),
		status: 'enabled',
		url,
	});
	ctx.scope.put(endpoint);
	ctx.scope.hiddenOf(endpoint.id).secret = secret;
	// The signing secret is returned only in the creation response.
	return { ...endpoint, secret };
}

function update(ctx: RequestContext, id: string): StripeObject {
	const endpoint = ctx.scope.get(id, 'webhook_endpoint', 'webhook_endpoint', 'webhook_endpoint');
	const url = optionalString(ctx.params, 'url');
	if (url !== undefined) endpoint.url = validUrl(url, ctx.scope.livemode);
	const events = enabledEvents(ctx, false);
	if (events) endpoint.enabled_events = events;
	const description = optionalString(ctx.params, 'description');
	if (description !== undefined) endpoint.description = description === '' ? null : description;
	const disabled = optionalBoolean(ctx.params, 'disabled');
	if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
	if (ctx.params.metadata !== undefined) {
		endpoint.metadata = applyMetadata(endpoint.metadata as Record<string, string>, ctx.params);
	}
	if (ctx.params.api_version !== undefined) {
		throw invalidRequest('Received unknown parameter: api_version', {
			param: 'api_version',
			code: 'parameter_unknown',
			beforeExecution: true,
		});
	}
	return endpoint;
}

function remove(ctx: RequestContext, id: string) {
	ctx.scope.get(id, 'webhook_endpoint', 'webhook_endpoint', 'webhook_endpoint');
	ctx.scope.remove(id);
	return { id, object: 'webhook_endpoint', deleted: true };
}

export function registerWebhookEndpoints(router: Router): void {
	router.post('/v1/webhook_endpoints', (ctx) => create(ctx));
	router.get('/v1/webhook_endpoints/:endpoint', (ctx, { endpoint }) =>
		ctx.scope.get(endpoint, 'webhook_endpoint', 'webhook_endpoint', 'webhook_endpoint'),
	);
	router.post('/v1/webhook_endpoints/:endpoint', (ctx, { endpoint }) => update(ctx, endpoint));
	router.delete('/v1/webhook_endpoints/:endpoint', (ctx, { endpoint }) => remove(ctx, endpoint));
	router.get('/v1/webhook_endpoints', (ctx) =>
		listResponse(ctx.params, ctx.scope.list('webhook_endpoint'), '/v1/webhook_endpoints'),
	);
}
