import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import nock from 'nock';

import { NODE_UNDER_TEST, runWorkflow, singleNodeWorkflow } from '.';

const API = 'https://api.example.test';

/** A stand-in credential with n8n's token pattern: an expirable hidden field filled by preAuthentication. */
class SessionTokenApi implements ICredentialType {
	name = 'sessionTokenApi';
	displayName = 'Session Token API';
	extends = ['probeBaseApi'];
	properties: ICredentialType['properties'] = [
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', default: '' },
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${API}/token`,
			body: { secret: credentials.clientSecret },
			json: true,
		})) as { token: string };
		return { sessionToken: response.token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-Session': '={{$credentials.sessionToken}}' },
			qs: { region: '={{$credentials.region}}' },
		},
	};
}

/** Its parent type, so getParentTypes and inherited defaults are exercised too. */
class ProbeBaseApi implements ICredentialType {
	name = 'probeBaseApi';
	displayName = 'Probe Base API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
	];
}

class SessionProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Session Probe',
		name: 'sessionProbe',
		group: ['transform'],
		version: 1,
		description: 'Harness probe for the credentials contract',
		defaults: { name: 'Session Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'sessionTokenApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'sessionTokenApi', {
			method: 'GET',
			url: `${API}/things`,
			json: true,
		})) as IDataObject;
		return [[{ json: body }]];
	}
}

function run(credentials: ICredentialDataDecryptedObject) {
	return runWorkflow({
		nodes: [SessionProbe],
		workflow: singleNodeWorkflow(SessionProbe, {}, ['sessionTokenApi']),
		credentials: { sessionTokenApi: credentials },
		credentialTypes: [SessionTokenApi, ProbeBaseApi],
	});
}

describe('harness credentials helper, through the engine', () => {
	before(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	after(() => nock.enableNetConnect());

	it('runs preAuthentication for an empty expirable token, then applies headers and qs', async () => {
		const seen: Array<{ session?: string; path: string }> = [];
		nock(API)
			.post('/token', { secret: 'cs_123' })
			.reply(200, { token: 'tok_fresh' })
			.get('/things')
			.query({ region: 'eu' })
			.reply(function (path) {
				seen.push({ session: this.req.headers['x-session'] as string, path });
				return [200, { ok: true }];
			});
		const result = await run({ clientSecret: 'cs_123' });
		assert.equal(result.error, undefined);
		assert.deepEqual(seen, [{ session: 'tok_fresh', path: '/things?region=eu' }]);
		assert.deepEqual(result.json[NODE_UNDER_TEST], [{ ok: true }]);
		const stored = result.credentialsHelper.dataFor('sessionTokenApi');
		assert.equal(
			stored.sessionToken,
			'tok_fresh',
			'the refreshed token is kept like n8n persists it',
		);
	});

	it('skips preAuthentication while the token is set, and refreshes it after a 401', async () => {
		const sessions: string[] = [];
		nock(API)
			.get('/things')
			.query(true)
			.times(2)
			.reply(function () {
				const session = this.req.headers['x-session'] as string;
				sessions.push(session);
				return session === 'tok_old' ? [401, {}] : [200, { ok: true }];
			})
			.post('/token')
			.reply(200, { token: 'tok_new' });
		const result = await run({ clientSecret: 'cs_123', sessionToken: 'tok_old', region: 'us' });
		assert.equal(result.error, undefined);
		assert.deepEqual(sessions, ['tok_old', 'tok_new']);
	});

	it('answers the parent-type and usable-by-node questions', async () => {
		nock(API).post('/token').reply(200, { token: 't' }).get('/things').query(true).reply(200, {});
		const { credentialsHelper } = await run({});
		assert.deepEqual(credentialsHelper.getParentTypes('sessionTokenApi'), ['probeBaseApi']);
		assert.equal(
			credentialsHelper.isCredentialUsableByNode('sessionTokenApi', 'x.sessionProbe'),
			true,
		);
		assert.deepEqual(
			credentialsHelper.getCredentialsProperties('sessionTokenApi').map(({ name }) => name),
			['region', 'clientSecret', 'sessionToken'],
		);
	});
});
