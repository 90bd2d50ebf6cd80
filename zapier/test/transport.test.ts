import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import { ZAPIER_RETRY_POLICY } from '../src/transport';
import { App, STRIPE, authData, run, useNock, zapierErrorOf } from './helpers';

const findCustomer = App.searches.find_customer.operation.perform;
const bundle = { authData, inputData: { email: 'jane@example.com' } };

describe('transport: core retries through z.request', () => {
	useNock();

	it('gives up on a lasting rate limit after the Zapier budget, as a ThrottledError', async () => {
		let calls = 0;
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.times(ZAPIER_RETRY_POLICY.maxAttempts)
			.reply(() => {
				calls += 1;
				return [
					429,
					{ error: { type: 'invalid_request_error', code: 'rate_limit' } },
					{ 'Retry-After': '0' },
				];
			});
		await assert.rejects(run(findCustomer, bundle), (error: unknown) => {
			assert.equal((error as Error).name, 'ThrottledError');
			assert.match(zapierErrorOf(error).message, /rate limit.*Next step: retry_later/);
			return true;
		});
		assert.equal(calls, ZAPIER_RETRY_POLICY.maxAttempts);
	});

	it('retries a connection reset, then reports it plainly with the next step', async () => {
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.times(ZAPIER_RETRY_POLICY.maxAttempts)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		await assert.rejects(run(findCustomer, bundle), (error: unknown) => {
			const parsed = zapierErrorOf(error);
			assert.equal(parsed.code, 'retry_later');
			assert.match(parsed.message, /No answer from Stripe.*ECONNRESET after 3 attempts/);
			return true;
		});
	});

	it('does not retry a refusal that sending again cannot fix', async () => {
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.once()
			.reply(400, { error: { type: 'invalid_request_error', param: 'email' } });
		await assert.rejects(run(findCustomer, bundle), (error: unknown) => {
			assert.equal(zapierErrorOf(error).code, 'fix_request');
			return true;
		});
	});
});
