import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import nock from 'nock';
import { CredentialTestContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialType,
	INode,
	INodeTypes,
	IWorkflowDataProxyAdditionalKeys,
} from 'n8n-workflow';

import { PaywireStripeApi } from '../../credentials/PaywireStripeApi.credentials';
import { STRIPE_API_BASE, STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { paywireStripeApiTest } from '../../nodes/shared/credentialTest';

const RESTRICTED_TEST_KEY = 'rk_test_51PaywireRestrictedKey';

async function runTest(data: ICredentialDataDecryptedObject) {
	// n8n's own credential-test context: its `request` helper goes through axios, which nock intercepts.
	const context = new CredentialTestContext() as unknown as ICredentialTestFunctions;
	return await paywireStripeApiTest.call(context, {
		id: 'cred-1',
		name: 'Stripe test',
		type: 'paywireStripeApi',
		data: { mode: 'test', apiVersion: '', stripeAccount: '', baseUrl: STRIPE_API_BASE, ...data },
	});
}

const paymentIntentList = { object: 'list', data: [], has_more: false, url: '/v1/payment_intents' };

describe('paywireStripeApiTest (node-side credential test)', () => {
	before(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	after(() => nock.enableNetConnect());

	it('passes for a restricted key that can read PaymentIntents, sending the pinned version', async () => {
		const scope = nock(STRIPE_API_BASE, {
			reqheaders: {
				authorization: `Bearer ${RESTRICTED_TEST_KEY}`,
				'stripe-version': STRIPE_API_VERSION,
			},
			badheaders: ['stripe-account', 'idempotency-key'],
		})
			.get('/v1/payment_intents')
			.query({ limit: '1' })
			.reply(200, paymentIntentList, { 'request-id': 'req_ok' });
		const result = await runTest({ secretKey: `${RESTRICTED_TEST_KEY}\n` });
		assert.deepEqual(result, { status: 'OK', message: 'Connected to Stripe in test mode.' });
		assert.ok(scope.isDone());
	});

	it('refuses a live key in a test credential before any request', async () => {
		const scope = nock(STRIPE_API_BASE).get(/.*/).reply(200, paymentIntentList);
		const result = await runTest({
			secretKey: ['sk', 'live', '51LiveSecretValue'].join('_'),
			mode: 'test',
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /live-mode key/);
		assert.doesNotMatch(result.message, /51LiveSecretValue/);
		assert.equal(scope.isDone(), false, 'no request may reach Stripe');
	});

	it('refuses a malformed key before any request', async () => {
		const scope = nock(STRIPE_API_BASE).get(/.*/).reply(200, paymentIntentList);
		const pasted = await runTest({ secretKey: 'sk_test_51Abc Def' });
		assert.equal(pasted.status, 'Error');
		assert.match(pasted.message, /malformed/);
		const publishable = await runTest({ secretKey: 'pk_test_51Publishable' });
		assert.match(publishable.message, /publishable/);
		const empty = await runTest({ secretKey: '' });
		assert.match(empty.message, /not a Stripe secret or restricted key/);
		assert.equal(scope.isDone(), false);
	});

	it('says a 401 key is wrong or revoked, without the key', async () => {
		nock(STRIPE_API_BASE)
			.get('/v1/payment_intents')
			.query(true)
			.reply(
				401,
				{
					error: {
						type: 'invalid_request_error',
						message: 'Invalid API Key provided: rk_test_****tKey',
					},
				},
				{ 'request-id': 'req_401' },
			);
		const result = await runTest({ secretKey: RESTRICTED_TEST_KEY });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /wrong or revoked/);
		assert.match(result.message, /req_401/);
		assert.doesNotMatch(result.message, /RestrictedKey|tKey/);
	});

	it('says an expired key is expired', async () => {
		nock(STRIPE_API_BASE)
			.get('/v1/payment_intents')
			.query(true)
			.reply(401, { error: { type: 'invalid_request_error', code: 'api_key_expired' } });
		const result = await runTest({ secretKey: RESTRICTED_TEST_KEY });
		assert.match(result.message, /wrong or revoked \(expired\)/);
	});

	it('names the missing permission for a 403', async () => {
		nock(STRIPE_API_BASE)
			.get('/v1/payment_intents')
			.query(true)
			.reply(403, {
				error: {
					type: 'invalid_request_error',
					message: "The provided key 'rk_test_****tKey' does not have the required permissions.",
				},
			});
		const result = await runTest({ secretKey: RESTRICTED_TEST_KEY });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /lacks a permission/);
		assert.match(result.message, /PaymentIntents: Read/);
		assert.doesNotMatch(result.message, /tKey/);
	});

	it('uses the Connect account, version override and emulator base URL', async () => {
		const scope = nock('http://127.0.0.1:12111', {
			reqheaders: { 'stripe-account': 'acct_123', 'stripe-version': '2025-01-27.acacia' },
		})
			.get('/v1/payment_intents')
			.query({ limit: '1' })
			.reply(200, paymentIntentList);
		const result = await runTest({
			secretKey: 'sk_live_51Emulator',
			mode: 'live',
			stripeAccount: 'acct_123',
			apiVersion: '2025-01-27.acacia',
			baseUrl: 'http://127.0.0.1:12111/',
		});
		assert.deepEqual(result, { status: 'OK', message: 'Connected to Stripe in live mode.' });
		assert.ok(scope.isDone());
	});

	it('reports an unreachable API as a connection problem', async () => {
		nock(STRIPE_API_BASE)
			.get('/v1/payment_intents')
			.query(true)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const result = await runTest({ secretKey: RESTRICTED_TEST_KEY });
		assert.equal(result.status, 'Error');
		assert.match(
			result.message,
			/Could not reach Stripe at https:\/\/api\.stripe\.com \(ECONNRESET\)/,
		);
	});

	it('points at the base URL when its host does not exist', async () => {
		nock('https://stripe-proxy.invalid')
			.get('/v1/payment_intents')
			.query(true)
			.replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
		const result = await runTest({
			secretKey: RESTRICTED_TEST_KEY,
			baseUrl: 'https://stripe-proxy.invalid',
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /API Base URL/);
	});

	it('does not report success when a non-Stripe server answers 200', async () => {
		nock('http://localhost:8080')
			.get('/v1/payment_intents')
			.query(true)
			.reply(200, '<html>welcome</html>');
		const result = await runTest({
			secretKey: RESTRICTED_TEST_KEY,
			baseUrl: 'http://localhost:8080',
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /not the way Stripe does/);
	});

	it('refuses an http:// base URL on a non-loopback host before sending the key', async () => {
		// No interceptor: a request would fail as a connection error, not as this message.
		const result = await runTest({
			secretKey: RESTRICTED_TEST_KEY,
			baseUrl: 'http://stripe-proxy.example.com',
		});
		assert.equal(result.status, 'Error');
		assert.match(result.message, /API Base URL.*http:\/\/ is allowed only for localhost/);
	});

	it('refuses a base URL that is not a URL', async () => {
		const result = await runTest({ secretKey: RESTRICTED_TEST_KEY, baseUrl: 'api.stripe.com' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /API Base URL/);
	});
});

describe('PaywireStripeApi credential', () => {
	const credential = new PaywireStripeApi();
	const property = (name: string) => credential.properties.find((entry) => entry.name === name);

	it('is named as the nodes expect', () => {
		assert.equal(credential.name, 'paywireStripeApi');
		assert.equal(credential.displayName, 'Paywire Stripe API');
	});

	it('hides the key, defaults to test mode, the pinned version and the public API', () => {
		assert.equal(property('secretKey')?.typeOptions?.password, true);
		assert.equal(property('secretKey')?.required, true);
		assert.equal(property('mode')?.default, 'test');
		assert.equal(property('apiVersion')?.default, '');
		assert.equal(property('apiVersion')?.placeholder, STRIPE_API_VERSION);
		assert.equal(property('stripeAccount')?.default, '');
		assert.equal(property('baseUrl')?.default, 'https://api.stripe.com');
	});

	it('authenticates with a Bearer header and has no declarative test to shadow the node test', () => {
		assert.deepEqual(credential.authenticate, {
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.secretKey.trim()}}' } },
		});
		assert.equal((credential as ICredentialType).test, undefined);
	});

	it("resolves to the trimmed key with n8n's expression engine", () => {
		const node: INode = {
			id: '1',
			name: 'Stripe',
			type: 'x',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const nodeTypes = {
			getByName: () => ({ description: { properties: [] } }),
			getByNameAndVersion: () => ({ description: { properties: [] } }),
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const headers = (credential.authenticate as IAuthenticateGeneric).properties.headers ?? {};
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			String(headers.Authorization),
			'internal',
			{
				$credentials: { secretKey: ' rk_test_51Pasted\n' },
			} as unknown as IWorkflowDataProxyAdditionalKeys,
			undefined,
			'',
		);
		assert.equal(resolved, 'Bearer rk_test_51Pasted');
	});
});
