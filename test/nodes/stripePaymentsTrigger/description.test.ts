import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { NORMALIZED_EVENTS } from '../../../core/stripe/eventCatalog';
import { STRIPE_EVENT_TYPES } from '../../../core/stripe/eventTypes.generated';
import { trigger } from './contexts';

const property = (name: string, within = trigger.description.properties): INodeProperties => {
	const found = within.find((candidate) => candidate.name === name);
	assert.ok(found, name);
	return found;
};
const optionValues = (prop: INodeProperties) =>
	(prop.options as INodePropertyOptions[]).map((option) => option.value);

describe('Stripe Payments Trigger description', () => {
	it('is a trigger on the paywireStripeApi credential (and n8n’s Redis one for the shared store), answered by n8n', () => {
		const { description } = trigger;
		assert.equal(description.name, 'stripePaymentsTrigger');
		assert.equal(description.displayName, 'Stripe Payments Trigger');
		assert.deepEqual(description.inputs, []);
		assert.deepEqual(description.credentials, [
			{ name: 'paywireStripeApi', required: true, testedBy: 'paywireStripeApiTest' },
			{ name: 'redis', required: true, displayOptions: { show: { duplicateStore: ['redis'] } } },
		]);
		assert.equal(description.webhooks?.[0].responseMode, 'onReceived');
		// '' (not n8n's default 'firstEntryJson'): n8n then takes the body from webhookResponse,
		// which it reads after recording the execution — the moment the event is marked done.
		assert.equal(description.webhooks?.[0].responseData, '');
		assert.equal(description.webhooks?.[0].httpMethod, 'POST');
		assert.equal(typeof trigger.methods.credentialTest.paywireStripeApiTest, 'function');
	});

	it('offers every normalised event first, payment succeeded by default', () => {
		const events = property('events');
		assert.deepEqual(
			[...optionValues(events)].sort(),
			NORMALIZED_EVENTS.map((info) => info.name).sort(),
		);
		assert.deepEqual(events.default, ['payment.succeeded']);
	});

	it('offers every raw Stripe event type as an option, from the generated list', () => {
		const options = property('options').options as INodeProperties[];
		assert.deepEqual(optionValues(property('rawEventTypes', options)), [...STRIPE_EVENT_TYPES]);
	});

	it('pasted signing secrets are password fields shown only in manual endpoint mode', () => {
		const secrets = property('signingSecrets');
		assert.deepEqual(secrets.displayOptions, { show: { endpointMode: ['manual'] } });
		const [group] = secrets.options as Array<{ values: INodeProperties[] }>;
		assert.equal(group.values[0].typeOptions?.password, true);
	});

	it('the lifecycle is complete', () => {
		const methods = trigger.webhookMethods.default;
		for (const name of ['checkExists', 'create', 'delete'] as const) {
			assert.equal(typeof methods[name], 'function', name);
		}
	});
});
