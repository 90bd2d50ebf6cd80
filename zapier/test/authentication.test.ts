import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import nock from 'nock';

import { addStripeAuth } from '../src/middleware';
import { App, STRIPE, authData, run, stripeHeaders, useNock, zapierErrorOf } from './helpers';

const { test, connectionLabel } = App.authentication!;

describe('authentication', () => {
	useNock();

	it('tests the key with one customer read and labels the connection with account and mode', async () => {
		nock(STRIPE, stripeHeaders)
			.get('/v1/customers')
			.query({ limit: '1' })
			.reply(200, { object: 'list', data: [] });
		nock(STRIPE, stripeHeaders)
			.get('/v1/account')
			.reply(200, { id: 'acct_1', settings: { dashboard: { display_name: 'Acme' } } });
		const info = await run(test, { authData });
		assert.deepEqual(info, { mode: 'test', accountId: 'acct_1', accountName: 'Acme' });
		assert.equal(await run(connectionLabel, { inputData: info }), 'Acme (acct_1) · test mode');
	});

	it('still connects a restricted key that may not read the account', async () => {
		const restricted = { apiKey: 'rk_live_123', mode: 'live' };
		nock(STRIPE).get('/v1/customers').query(true).reply(200, { object: 'list', data: [] });
		nock(STRIPE)
			.get('/v1/account')
			.reply(403, { error: { type: 'invalid_request_error' } });
		const info = await run(test, { authData: restricted });
		assert.deepEqual(info, { mode: 'live', accountId: null, accountName: null });
		assert.equal(await run(connectionLabel, { inputData: info }), 'Stripe · live mode');
	});

	it('refuses a live key in a test connection before any request', async () => {
		await assert.rejects(
			run(test, { authData: { apiKey: 'sk_live_123', mode: 'test' } }),
			(error: unknown) => {
				const { message } = zapierErrorOf(error);
				assert.match(message, /^Mode: is test, but the key is a live-mode key\./);
				assert.doesNotMatch(message, /sk_live_123/);
				return true;
			},
		);
	});

	it('maps a rejected key through core, without the key in the message', async () => {
		nock(STRIPE)
			.get('/v1/customers')
			.query(true)
			.reply(401, {
				error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_123' },
			});
		await assert.rejects(run(test, { authData }), (error: unknown) => {
			assert.equal((error as Error).name, 'ExpiredAuthError');
			assert.match((error as Error).message, /Stripe did not accept the API key/);
			assert.doesNotMatch((error as Error).message, /sk_test_123/);
			return true;
		});
	});

	it('sends the key to the configured API only, never to another host', async () => {
		const bundle = { authData, inputData: {} };
		const z = {} as never;
		const toStripe = await addStripeAuth(
			{ url: `${STRIPE}/v1/customers`, headers: {} },
			z,
			bundle as never,
		);
		assert.equal(toStripe.headers?.Authorization, 'Bearer sk_test_123');
		const elsewhere = await addStripeAuth(
			{ url: 'https://api.stripe.com.evil.test/v1', headers: {} },
			z,
			bundle as never,
		);
		assert.equal(elsewhere.headers?.Authorization, undefined);
	});

	it('uses the emulator base URL when one is set', async () => {
		nock('http://127.0.0.1:12111')
			.get('/v1/customers')
			.query(true)
			.reply(200, { object: 'list', data: [] });
		nock('http://127.0.0.1:12111').get('/v1/account').reply(200, { id: 'acct_emu' });
		const info = await run(test, { authData: { ...authData, baseUrl: 'http://127.0.0.1:12111/' } });
		assert.equal((info as Record<string, unknown>).accountId, 'acct_emu');
	});
});
