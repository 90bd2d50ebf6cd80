import type { IDataObject } from 'n8n-workflow';

import { stripeMock, type RecordedRequest } from './support';

/** What goes wrong on an attempt before the endpoint finally answers normally. */
export type Fault = 'server_error' | 'conflict' | 'rate_limited' | 'reset_after_execution';

const FAULT_REPLIES: Record<
	Exclude<Fault, 'reset_after_execution'>,
	[number, IDataObject, IDataObject]
> = {
	server_error: [500, { error: { type: 'api_error', message: 'An unknown error occurred' } }, {}],
	conflict: [
		409,
		{
			error: {
				type: 'invalid_request_error',
				code: 'idempotency_key_in_use',
				message: 'There is currently another in-progress request using this Idempotent Key.',
			},
		},
		{},
	],
	rate_limited: [
		429,
		{ error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } },
		{ 'Retry-After': '1' },
	],
};

/**
 * A POST endpoint with Stripe's idempotency semantics, scripted to fail first: a key that already
 * executed gets the stored object back (Idempotent-Replayed: true) instead of a new one, and
 * `reset_after_execution` executes the request, then drops the connection before the answer.
 * `moneyMovements` is how many objects the endpoint really created.
 */
export function idempotentEndpoint(
	path: string,
	faults: Fault[],
	create: (form: Record<string, string>) => IDataObject,
): { requests: RecordedRequest[]; moneyMovements: () => number; stored: Map<string, IDataObject> } {
	const { scope, requests } = stripeMock();
	const stored = new Map<string, IDataObject>();
	const execute = (request: RecordedRequest): { object: IDataObject; replayed: boolean } => {
		const key = request.headers['idempotency-key'];
		const existing = stored.get(key);
		if (existing) return { object: existing, replayed: true };
		const object = create(request.form);
		stored.set(key, object);
		return { object, replayed: false };
	};
	scope.on('request', () => {
		const attempt = requests.length - 1;
		if (faults[attempt] === 'reset_after_execution') execute(requests[attempt]);
	});
	for (const fault of faults) {
		if (fault === 'reset_after_execution') {
			scope
				.post(path)
				.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		} else {
			const [status, body, headers] = FAULT_REPLIES[fault];
			scope.post(path).reply(status, body, headers as Record<string, string>);
		}
	}
	scope.post(path).reply(() => {
		const { object, replayed } = execute(requests[requests.length - 1]);
		return [200, object, replayed ? { 'Idempotent-Replayed': 'true' } : {}];
	});
	return { requests, moneyMovements: () => stored.size, stored };
}
