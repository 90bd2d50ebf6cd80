import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { paywireStripeApiTest } from '../shared/credentialTest';
import { triggerProperties } from './description';
import { createEndpoint, deleteEndpoint, endpointExists } from './lifecycle';
import { receiveStripeWebhook } from './webhook';

export class StripePaymentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stripe Payments Trigger',
		name: 'stripePaymentsTrigger',
		icon: { light: 'file:stripePaymentsTrigger.svg', dark: 'file:stripePaymentsTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow when a Stripe payment really succeeds or fails: signed deliveries only, each event once',
		defaults: { name: 'Stripe Payments Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'paywireStripeApi', required: true, testedBy: 'paywireStripeApiTest' },
			{
				// n8n's own Redis credential (the one queue mode users already have), for the shared
				// duplicate store. Both rules want package-local credentials; README explains the exception.
				// eslint-disable-next-line @n8n/community-nodes/no-credential-reuse, @n8n/community-nodes/valid-credential-references, n8n-nodes-base/node-class-description-credentials-name-unsuffixed
				name: 'redis',
				required: true,
				displayOptions: { show: { duplicateStore: ['redis'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// n8n answers once the execution is recorded; '' makes it take the body from the
				// webhookResponse the trigger returns, read after the execution was recorded (webhook.ts).
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { paywireStripeApiTest },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await endpointExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createEndpoint.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteEndpoint.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveStripeWebhook.call(this);
	}
}
