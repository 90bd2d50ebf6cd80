import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import type { NormalizedEventName } from '../../core/payments/types';
import { NORMALIZED_EVENTS } from '../../core/stripe/eventCatalog';
import { STRIPE_EVENT_TYPES } from '../../core/stripe/eventTypes.generated';
import { DEFAULT_TOLERANCE_SECONDS } from '../../core/stripe/webhookSignature';
import { DEFAULT_REMEMBERED_EVENTS } from './staticDataStore';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Endpoint',
		name: 'endpointMode',
		type: 'options',
		noDataExpression: true,
		default: 'automatic',
		options: [
			{
				name: 'Create and Manage It for Me',
				value: 'automatic',
				description:
					'Registers one Stripe webhook endpoint for this trigger, keeps it in step with the chosen events, and deletes it when the workflow is unpublished',
			},
			{
				name: 'I Manage It in Stripe (Paste Signing Secrets)',
				value: 'manual',
				description:
					'For accounts at Stripe’s 16-endpoint limit or endpoints managed elsewhere: add this node’s production URL in the Stripe Dashboard yourself',
			},
		],
	},
	{
		displayName:
			'In the Stripe Dashboard, add an endpoint with this node’s Production URL and the events below, then paste its signing secret (whsec_…). While rolling a secret, paste both.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { endpointMode: ['manual'] } },
	},
	{
		displayName: 'Signing Secrets',
		name: 'signingSecrets',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Signing Secret',
		default: {},
		displayOptions: { show: { endpointMode: ['manual'] } },
		options: [
			{
				displayName: 'Secret',
				name: 'secret',
				values: [
					{
						displayName: 'Signing Secret',
						name: 'value',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						placeholder: 'whsec_…',
						description: 'The endpoint’s signing secret from the Stripe Dashboard',
					},
				],
			},
		],
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['payment.succeeded'],
		description: 'What should start the workflow. Each is made of the Stripe events that mean it.',
		options: [...NORMALIZED_EVENTS]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map((info) => ({ name: info.displayName, value: info.name, description: info.description })),
	},
	{
		displayName: 'Duplicate Store',
		name: 'duplicateStore',
		type: 'options',
		noDataExpression: true,
		default: 'thisInstance',
		options: [
			{
				name: 'This N8n Only',
				value: 'thisInstance',
				description:
					'Processed event IDs are saved with the workflow. Right for one n8n process receiving webhooks.',
			},
			{
				name: 'Shared Store (Redis)',
				value: 'redis',
				description:
					'For queue mode with webhook processors: every process checks the same Redis, so an event starts one execution wherever it arrives',
			},
		],
	},
	{
		displayName:
			'Every delivery is checked in Redis before it starts anything. If Redis cannot be reached, Stripe is answered 503 and delivers the event again later.',
		name: 'redisNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { duplicateStore: ['redis'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Confirm with Stripe',
				name: 'confirmWithStripe',
				type: 'boolean',
				default: false,
				description:
					'Whether to re-read the object from Stripe before starting the workflow, and skip events whose object has since moved on (deliveries can arrive out of order). Costs one API call per event.',
			},
			{
				displayName: 'Raw Stripe Events',
				name: 'rawEventTypes',
				type: 'multiOptions',
				default: [],
				description:
					'Any Stripe event type, delivered as it is (no meaning attached). For events not covered above.',
				options: STRIPE_EVENT_TYPES.map((type) => ({ name: type, value: type })),
			},
			{
				displayName: 'Remember Last N Events',
				name: 'rememberedEvents',
				type: 'number',
				typeOptions: { minValue: 100, maxValue: 10000 },
				default: DEFAULT_REMEMBERED_EVENTS,
				description:
					'With Duplicate Store "This n8n Only": how many recent event IDs are kept to drop re-deliveries (once-per-payment keys are kept apart, up to the same number). Stripe re-delivers for up to 3 days; keep this above the events you receive in that time. The shared store keeps every event for 4 days instead.',
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					'How far the signed timestamp may be from this server’s clock, in either direction, before a delivery is rejected as a replay',
			},
		],
	},
];

export interface TriggerSettings {
	endpointMode: 'automatic' | 'manual';
	duplicateStore: 'thisInstance' | 'redis';
	names: NormalizedEventName[];
	rawTypes: string[];
	manualSecrets: string[];
	confirmWithStripe: boolean;
	rememberedEvents: number;
	toleranceSeconds: number;
}

export function readTriggerSettings(context: IHookFunctions | IWebhookFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const secrets = context.getNodeParameter('signingSecrets', {}) as {
		secret?: Array<{ value?: unknown }>;
	};
	return {
		endpointMode:
			context.getNodeParameter('endpointMode', 'automatic') === 'manual' ? 'manual' : 'automatic',
		duplicateStore:
			context.getNodeParameter('duplicateStore', 'thisInstance') === 'redis'
				? 'redis'
				: 'thisInstance',
		names: stringList(context.getNodeParameter('events', [])) as NormalizedEventName[],
		rawTypes: stringList(options.rawEventTypes),
		manualSecrets: (secrets.secret ?? [])
			.map((entry) => (typeof entry.value === 'string' ? entry.value.trim() : ''))
			.filter((value) => value !== ''),
		confirmWithStripe: options.confirmWithStripe === true,
		rememberedEvents: numberOr(options.rememberedEvents, DEFAULT_REMEMBERED_EVENTS),
		toleranceSeconds: numberOr(options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS),
	};
}

function stringList(value: unknown): string[] {
	return Array.isArray(value)
		? value.filter((entry): entry is string => typeof entry === 'string')
		: [];
}

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
