import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { parseForm, STRIPE } from '../stripePayments/support';

/**
 * Stripe's /v1/webhook_endpoints behind nock, with state: list, create (secret only in the
 * creation answer), update, delete (404 resource_missing once gone). Records every request.
 */
export interface FakeEndpoints {
	endpoints: Map<string, IDataObject>;
	requests: Array<{ method: string; path: string; form: Record<string, string> }>;
	/** Ids the list still shows but that answer 404 (deleted between list and delete). */
	ghosts: IDataObject[];
	/** Makes every DELETE answer this status with a Stripe error body. */
	failDeletesWith?: number;
	/** Makes creation answer without the secret. */
	omitSecret?: boolean;
	/** Makes every list (GET) and every creation answer this status (Stripe down: 500). */
	failListsWith?: number;
	failCreatesWith?: number;
}

const API_ERROR = { error: { type: 'api_error', message: 'An unknown error occurred' } };

const NOT_FOUND = {
	error: {
		type: 'invalid_request_error',
		code: 'resource_missing',
		message: 'No such webhook endpoint',
	},
};

/** Form fields (`enabled_events[0]`, `metadata[key]`) back into the object Stripe would store. */
function formToParams(form: Record<string, string>): IDataObject {
	const params: IDataObject = {};
	const events: string[] = [];
	const metadata: Record<string, string> = {};
	for (const [key, value] of Object.entries(form)) {
		const event = /^enabled_events\[(\d+)\]$/.exec(key);
		const meta = /^metadata\[(.+)\]$/.exec(key);
		if (event) events[Number(event[1])] = value;
		else if (meta) metadata[meta[1]] = value;
		else params[key] = value;
	}
	if (events.length) params.enabled_events = events;
	if (Object.keys(metadata).length) params.metadata = metadata;
	return params;
}

export function fakeEndpointsApi(initial: IDataObject[] = []): FakeEndpoints {
	const fake: FakeEndpoints = {
		endpoints: new Map(initial.map((endpoint) => [String(endpoint.id), { ...endpoint }])),
		requests: [],
		ghosts: [],
	};
	let created = 0;
	const record = (method: string, path: string, body: unknown) => {
		const form = parseForm(typeof body === 'string' ? body : '');
		fake.requests.push({ method, path, form });
		return form;
	};
	const idOf = (path: string) => decodeURIComponent(path.split('?')[0].split('/').pop() ?? '');

	nock(STRIPE)
		.persist()
		.get(/^\/v1\/webhook_endpoints(\?.*)?$/)
		.reply((path) => {
			record('GET', path, '');
			if (fake.failListsWith) return [fake.failListsWith, API_ERROR];
			const data = [...fake.endpoints.values(), ...fake.ghosts];
			return [200, { object: 'list', data, has_more: false, url: '/v1/webhook_endpoints' }];
		})
		.post('/v1/webhook_endpoints')
		.reply((path, body) => {
			const params = formToParams(record('POST', path, body));
			if (fake.failCreatesWith) return [fake.failCreatesWith, API_ERROR];
			created += 1;
			const endpoint: IDataObject = {
				id: `we_fake_${created}`,
				object: 'webhook_endpoint',
				status: 'enabled',
				livemode: false,
				...params,
			};
			fake.endpoints.set(String(endpoint.id), endpoint);
			const secret = fake.omitSecret ? {} : { secret: `whsec_fake_${created}` };
			return [200, { ...endpoint, ...secret }];
		})
		.post(/^\/v1\/webhook_endpoints\/[^/?]+$/)
		.reply((path, body) => {
			const params = formToParams(record('POST', path, body));
			const endpoint = fake.endpoints.get(idOf(path));
			if (!endpoint) return [404, NOT_FOUND];
			Object.assign(endpoint, params);
			if (params.disabled === 'false') endpoint.status = 'enabled';
			return [200, endpoint];
		})
		.delete(/^\/v1\/webhook_endpoints\/[^/?]+$/)
		.reply((path) => {
			record('DELETE', path, '');
			if (fake.failDeletesWith) {
				return [
					fake.failDeletesWith,
					{
						error: {
							type: 'invalid_request_error',
							message: 'Invalid API Key provided: sk_test_****',
						},
					},
				];
			}
			const id = idOf(path);
			if (!fake.endpoints.delete(id)) return [404, NOT_FOUND];
			return [200, { id, object: 'webhook_endpoint', deleted: true }];
		});
	return fake;
}

export function endpointsAt(fake: FakeEndpoints, url: string): IDataObject[] {
	return [...fake.endpoints.values()].filter((endpoint) => endpoint.url === url);
}
