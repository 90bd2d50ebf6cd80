import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	IWebhookFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import Stripe from 'stripe';

import { STRIPE_API_VERSION } from '../../../core/stripe/apiVersion';
import { StripePaymentsTrigger } from '../../../nodes/StripePaymentsTrigger/StripePaymentsTrigger.node';
import { TEST_KEY } from '../stripePayments/support';

/**
 * n8n function contexts for the trigger, the way n8n's own trigger tests build them: parameters in,
 * static data and HTTP answers recorded. Requests to Stripe go out through fetch, so nock answers.
 */

export const WEBHOOK_URL = 'https://n8n.example.com/webhook/4f1c2c7e-trigger/webhook';
export const TEST_WEBHOOK_URL = 'https://n8n.example.com/webhook-test/4f1c2c7e-trigger/webhook';
export const WORKFLOW_ID = 'wf_paywire_1';
export const NODE_ID = 'node-trigger-1';
export const SECRET = 'whsec_test_123';
export { STRIPE_API_VERSION };

export const trigger = new StripePaymentsTrigger();

export interface ContextOptions {
	parameters?: IDataObject;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	credential?: IDataObject;
	/** Other credentials by type (e.g. `redis` for the shared duplicate store). */
	credentials?: Record<string, IDataObject>;
	webhookUrl?: string;
}

const NODE: INode = {
	id: NODE_ID,
	name: 'Stripe Payments Trigger',
	type: 'n8n-nodes-paywire.stripePaymentsTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function parameterReader(parameters: IDataObject) {
	const values: IDataObject = {
		endpointMode: 'automatic',
		events: ['payment.succeeded'],
		...parameters,
	};
	return (name: string, fallback?: unknown) => (name in values ? values[name] : fallback);
}

async function sendWithFetch(options: IHttpRequestOptions, credential: IDataObject) {
	const headers = { ...(options.headers as Record<string, string>) };
	headers.Authorization = `Bearer ${String(credential.secretKey)}`;
	const response = await fetch(options.url, {
		method: options.method,
		headers,
		body: options.body as string | undefined,
	});
	return {
		statusCode: response.status,
		headers: Object.fromEntries(response.headers),
		body: await response.text(),
	};
}

function baseContext(options: ContextOptions) {
	const staticData = options.staticData ?? {};
	const credential = options.credential ?? { secretKey: TEST_KEY, mode: 'test' };
	const logged: string[] = [];
	return {
		staticData,
		logged,
		context: {
			getNode: () => NODE,
			getWorkflow: () => ({ id: WORKFLOW_ID, name: 'Fulfilment', active: true }),
			getMode: () => options.mode ?? 'webhook',
			getNodeParameter: parameterReader(options.parameters ?? {}),
			getWorkflowStaticData: () => staticData,
			getCredentials: async (type: string) => options.credentials?.[type] ?? credential,
			logger: {
				info: (message: string) => logged.push(message),
				debug: () => undefined,
				warn: (message: string) => logged.push(message),
				error: (message: string) => logged.push(message),
			},
			helpers: {
				httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) =>
					await sendWithFetch(request, credential),
			},
		},
	};
}

export function hookContext(options: ContextOptions = {}) {
	const { context, staticData, logged } = baseContext(options);
	const hook = {
		...context,
		getNodeWebhookUrl: () => options.webhookUrl ?? WEBHOOK_URL,
		getWebhookName: () => 'default',
		getActivationMode: () => 'activate',
	} as unknown as IHookFunctions;
	return { hook, staticData, logged };
}

export interface RecordedResponse {
	status?: number;
	body?: unknown;
}

export interface Delivery {
	rawBody?: Buffer;
	headers?: Record<string, string | string[]>;
}

export function webhookContext(delivery: Delivery, options: ContextOptions = {}) {
	const { context, staticData } = baseContext(options);
	const response: RecordedResponse = {};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const webhook = {
		...context,
		getRequestObject: () => ({ rawBody: delivery.rawBody, headers: delivery.headers ?? {} }),
		getResponseObject: () => res,
		getWebhookName: () => 'default',
	} as unknown as IWebhookFunctions;
	return { webhook, staticData, response };
}

/** A Stripe event body signed the way Stripe signs it (by the stripe package's own test helper). */
export function signedDelivery(
	event: IDataObject,
	options: { secret?: string; timestamp?: number } = {},
): Required<Delivery> {
	const payload = JSON.stringify(event);
	const header = Stripe.webhooks.generateTestHeaderString({
		payload,
		secret: options.secret ?? SECRET,
		timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
	});
	return { rawBody: Buffer.from(payload, 'utf8'), headers: { 'stripe-signature': header } };
}

/** Static data as `create` leaves it, for webhook tests. */
export function createdEndpointState(events: string[] = ['payment_intent.succeeded']): IDataObject {
	return {
		endpoint: {
			id: 'we_test_1',
			secret: SECRET,
			url: WEBHOOK_URL,
			events,
			apiVersion: STRIPE_API_VERSION,
		},
	};
}

/**
 * One delivery as n8n 2.40 handles it: webhook(), then — when it returned items — the execution is
 * recorded and n8n reads `webhookResponse` for the body of its 200 (webhook-helpers.js, onReceived).
 * `crashBeforeRecorded` stops after webhook(), as a process killed in between would.
 */
export async function deliver(
	delivery: Delivery,
	options: ContextOptions & { crashBeforeRecorded?: boolean } = {},
) {
	const { webhook, staticData, response } = webhookContext(delivery, options);
	const result = await trigger.webhook.call(webhook);
	let acknowledged: unknown;
	if (result.workflowData && options.crashBeforeRecorded !== true) {
		acknowledged = result.webhookResponse;
	}
	return { result, staticData, response, acknowledged };
}
