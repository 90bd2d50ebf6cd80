import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import {
	customApiCall as call,
	runStripePayments,
	stripeMock,
	useStripeTestHooks,
} from './support';

describe('Stripe Payments › Custom API Call › refused before any request (workflow through n8n-core)', () => {
	useStripeTestHooks();

	for (const [name, parameters, message] of [
		[
			'another host',
			{ method: 'GET', path: 'https://evil.example.com/v1/charges' },
			/points to evil\.example\.com/,
		],
		['http to Stripe', { method: 'GET', path: 'http://api.stripe.com/v1/charges' }, /points to/],
		[
			'a path outside /v1/ and /v2/',
			{ method: 'GET', path: '/v3/charges' },
			/must start with \/v1\/ or \/v2\//,
		],
		['a climbing path', { method: 'GET', path: '/v1/../admin' }, /not allowed/],
		[
			'a protocol-relative URL',
			{ method: 'GET', path: '//evil.example.com/v1/x' },
			/points to evil/,
		],
		[
			'a POST with parameters to /v2/ (JSON only)',
			{
				method: 'POST',
				path: '/v2/core/event_destinations',
				parameters: { entries: [{ name: 'name', value: 'x' }] },
			},
			/JSON body/,
		],
		[
			'a card number in the parameters',
			{
				method: 'POST',
				path: '/v1/payment_methods',
				parametersFormat: 'json',
				parametersJson: '{"card":{"number":"4242 4242 4242 4242"}}',
			},
			/4242/,
		],
	] as const) {
		it(`refuses ${name} before any request`, async () => {
			const { requests } = stripeMock();
			const { output } = await runStripePayments(call(parameters), { continueOnFail: true });
			assert.equal(requests.length, 0);
			const item = output[0].json.error as IDataObject;
			assert.equal(item.nextStep, 'fix_request');
			assert.match(String(item.message), message);
			assert.doesNotMatch(String(item.message), /4242 4242 4242 4242/);
		});
	}
});
