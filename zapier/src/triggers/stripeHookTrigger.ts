import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';

import type { NormalizedEventName } from '../../../core/payments/types';
import { withZapierErrors } from '../errors';
import { deliveryItems } from './delivery';
import { recentEventItems } from './samples';
import { subscribeEndpoint, unsubscribeEndpoint } from './subscription';

export interface StripeHookTriggerSpec<Key extends string> {
	key: Key;
	/** The normalised event this trigger fires on (core's table says which Stripe events make it). */
	name: NormalizedEventName;
	noun: string;
	label: string;
	description: string;
	sample: Record<string, unknown>;
}

/** Fields every trigger item has, whatever the event. */
const OUTPUT_FIELDS = [
	{ key: 'id', label: 'Event ID' },
	{ key: 'event__type', label: 'Stripe Event Type' },
	{ key: 'payment__id', label: 'Object ID' },
	{ key: 'payment__status', label: 'Status' },
	{ key: 'payment__paid', label: 'Paid', type: 'boolean' as const },
	{ key: 'payment__amount', label: 'Amount' },
	{ key: 'payment__currency', label: 'Currency' },
	{ key: 'payment__customerEmail', label: 'Customer Email' },
	{ key: 'payment__paymentId', label: 'Payment ID' },
	{ key: 'payment__nextStep', label: 'Next Step' },
	{ key: 'payment__nextStepUrl', label: 'Next Step URL' },
];

/** A REST-hook trigger on one normalised Stripe event: subscribe, verify, normalise, filter. */
export function stripeHookTrigger<Key extends string>(spec: StripeHookTriggerSpec<Key>) {
	return defineTrigger({
		key: spec.key,
		noun: spec.noun,
		display: { label: spec.label, description: spec.description },
		operation: {
			type: 'hook',
			perform: (z: ZObject, bundle: Bundle) =>
				withZapierErrors(z, async () => deliveryItems(z, bundle, spec.name)),
			performList: (z: ZObject, bundle: Bundle) =>
				withZapierErrors(z, () => recentEventItems(z, bundle, spec.name)),
			performSubscribe: (z: ZObject, bundle: Bundle) =>
				withZapierErrors(z, async () => ({ ...(await subscribeEndpoint(z, bundle, spec)) })),
			performUnsubscribe: (z: ZObject, bundle: Bundle) =>
				withZapierErrors(z, () => unsubscribeEndpoint(z, bundle)),
			sample: spec.sample,
			outputFields: OUTPUT_FIELDS,
		},
	});
}
