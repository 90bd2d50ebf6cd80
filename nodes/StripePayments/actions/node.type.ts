import type { AllEntities } from 'n8n-workflow';

/**
 * Resource → operation names, as the `resource` and `operation` parameter values. The router
 * dispatches on the modules themselves; this map types the pair for code that needs it.
 */
type StripePaymentsMap = {
	checkoutSession: 'create' | 'get' | 'list' | 'expire';
	paymentLink: 'create' | 'get' | 'deactivate';
	payment: 'charge' | 'createForOnSession' | 'capture' | 'cancel' | 'get' | 'list' | 'search';
	refund: 'create' | 'get' | 'list' | 'cancel' | 'updateMetadata';
	customer: 'create' | 'get' | 'getOrCreateByEmail' | 'update' | 'delete' | 'list' | 'search';
	paymentMethod: 'list' | 'detach';
	invoice: 'get' | 'getHostedUrl' | 'list' | 'pay' | 'send' | 'void';
	billingPortal: 'create';
	subscription: 'get' | 'list' | 'cancel' | 'resume';
	event: 'get' | 'list';
	customApiCall: 'call';
};

export type StripePaymentsType = AllEntities<StripePaymentsMap>;
export type StripePaymentsResource = keyof StripePaymentsMap;
