import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import nock from 'nock';

import { join } from 'node:path';

import {
	NODE_UNDER_TEST,
	readWorkflowJson,
	runWorkflow,
	singleNodeWorkflow,
	TRIGGER_NODE_NAME,
} from './harness';

const STRIPE = 'https://api.stripe.com';
const TEST_KEY = 'sk_test_123';

/** A throwaway node: one authenticated GET per item, through n8n's real request helper. */
class FetchBalanceProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fetch Balance Probe',
		name: 'fetchBalanceProbe',
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		description: 'Harness probe',
		defaults: { name: 'Fetch Balance Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'paywireStripeApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/v1/balance' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('paywireStripeApi');
		const results: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const path = this.getNodeParameter('path', itemIndex) as string;
			const body = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'paywireStripeApi',
				{
					method: 'GET',
					url: `${credentials.baseUrl as string}${path}`,
					json: true,
				},
			)) as IDataObject;
			results.push({ json: { ...body, order: this.getInputData()[itemIndex].json.order ?? null } });
		}
		return [results];
	}
}

describe('n8n engine harness', () => {
	before(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	after(() => nock.enableNetConnect());

	it('runs Manual Trigger → node through WorkflowExecute with the real credential authenticate', async () => {
		let authorization: string | undefined;
		const scope = nock(STRIPE)
			.get('/v1/balance')
			.reply(function () {
				authorization = this.req.headers.authorization as string | undefined;
				return [200, { object: 'balance', livemode: false }];
			});

		const result = await runWorkflow({
			nodes: [FetchBalanceProbe],
			workflow: singleNodeWorkflow(FetchBalanceProbe, { path: '/v1/balance' }, [
				'paywireStripeApi',
			]),
			credentials: { paywireStripeApi: { secretKey: `  ${TEST_KEY} `, mode: 'test' } },
		});

		assert.equal(result.error, undefined);
		assert.ok(scope.isDone(), 'Stripe was called');
		assert.equal(
			authorization,
			`Bearer ${TEST_KEY}`,
			'declarative authenticate resolved and trimmed',
		);
		assert.deepEqual(result.json[NODE_UNDER_TEST], [
			{ object: 'balance', livemode: false, order: null },
		]);
		assert.deepEqual(result.json[TRIGGER_NODE_NAME], [{}]);
		assert.equal(result.run.status, 'success');
		assert.equal(result.credentialsHelper.authenticatedRequests.length, 1);
	});

	it('passes trigger items on and fills credential defaults (the API base URL)', async () => {
		nock(STRIPE).get('/v1/balance').times(2).reply(200, { object: 'balance' });
		const twoItems = await runWorkflow({
			nodes: [FetchBalanceProbe],
			workflow: singleNodeWorkflow(FetchBalanceProbe, {}, ['paywireStripeApi']),
			credentials: { paywireStripeApi: { secretKey: TEST_KEY, mode: 'test' } },
			triggerItems: [{ json: { order: 'A-1' } }, { json: { order: 'A-2' } }],
		});
		assert.deepEqual(
			twoItems.json[NODE_UNDER_TEST].map((item) => item.order),
			['A-1', 'A-2'],
		);
	});

	it('reports a node error, after n8n 2.40 re-sends a request that got a 401 once', async () => {
		let calls = 0;
		nock(STRIPE)
			.get('/v1/balance')
			.times(2)
			.reply(() => {
				calls++;
				return [401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } }];
			});
		const failed = await runWorkflow({
			nodes: [FetchBalanceProbe],
			workflow: singleNodeWorkflow('fetchBalanceProbe', {}, ['paywireStripeApi'], {
				typeVersion: 2,
			}),
			credentials: { paywireStripeApi: { secretKey: TEST_KEY, mode: 'test' } },
		});
		assert.equal(calls, 2, 'httpRequestWithAuthentication retries a 401 once (preAuthentication)');
		assert.ok(failed.error, 'the run reports the node error');
		assert.equal(failed.run.status, 'error');
		assert.ok(failed.runData[NODE_UNDER_TEST][0].error);
		assert.equal(failed.items[NODE_UNDER_TEST].length, 0);
	});

	it('runs an exported workflow JSON: nodes in order, expressions resolved from the previous item', async () => {
		const paths: string[] = [];
		nock(STRIPE)
			.get('/v1/balance')
			.reply(200, { object: 'balance', refund_id: 're_123' })
			.get('/v1/refunds/re_123')
			.reply(function (path) {
				paths.push(path);
				return [200, { object: 'refund', id: 're_123', status: 'succeeded' }];
			});
		const result = await runWorkflow({
			nodes: [FetchBalanceProbe],
			workflow: readWorkflowJson(join(__dirname, 'harness/fixtures/two-probes.workflow.json')),
			credentials: { paywireStripeApi: { secretKey: TEST_KEY, mode: 'test' } },
		});
		assert.equal(result.error, undefined);
		assert.deepEqual(paths, ['/v1/refunds/re_123']);
		assert.equal(result.json.Balance[0].refund_id, 're_123');
		assert.deepEqual(result.json.Refund, [
			{ object: 'refund', id: 're_123', status: 'succeeded', order: null },
		]);
		assert.deepEqual(result.nodeExecutionOrder, [
			'When clicking ‘Execute workflow’',
			'Balance',
			'Refund',
		]);
	});

	it('fails clearly when a workflow names a node type it was not given', async () => {
		await assert.rejects(
			runWorkflow({ nodes: [], workflow: singleNodeWorkflow('missingNode', {}) }),
			/unknown node type "n8n-nodes-paywire\.missingNode"/,
		);
	});
});
