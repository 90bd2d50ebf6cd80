import type { AllEntities } from 'n8n-workflow';

/**
 * Every resource and its operations, as the `resource` and `operation` parameter values. The router
 * dispatches on the modules themselves; this list types the pairs and a test keeps it equal to the
 * operation selectors in the node description.
 */
export const STRIPE_PAYMENTS_OPERATIONS = {
	checkoutSession: ['create', 'get', 'list', 'expire'],
	paymentLink: ['create', 'get', 'deactivate'],
	payment: ['charge', 'createForOnSession', 'capture', 'cancel', 'get', 'list', 'search'],
	refund: ['create', 'get', 'list', 'cancel', 'updateMetadata'],
	customer: ['create', 'get', 'update', 'delete', 'list', 'search', 'getOrCreateByEmail'],
	paymentMethod: ['list', 'detach'],
	invoice: ['get', 'list', 'pay', 'send', 'void', 'getHostedUrl'],
	billingPortal: ['create'],
	subscription: ['get', 'list', 'cancel', 'resume'],
	event: ['get', 'list'],
	customApiCall: ['call'],
} as const;

type Operations = typeof STRIPE_PAYMENTS_OPERATIONS;
type StripePaymentsMap = { [Resource in keyof Operations]: Operations[Resource][number] };

export type StripePaymentsType = AllEntities<StripePaymentsMap>;
export type StripePaymentsResource = keyof StripePaymentsMap;
