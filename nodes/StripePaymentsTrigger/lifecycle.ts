import { randomUUID } from 'node:crypto';

import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { enabledEventsFor } from '../../core/stripe/events';
import {
	STRIPE_CREDENTIAL_TYPE,
	stripeApiRequest,
	stripeApiRequestAllItems,
} from '../shared/stripeTransport';
import { paymentErrorDetailsOf, toNodeError } from '../shared/nodeErrors';
import { readTriggerSettings } from './description';
import {
	endpointMetadata,
	forgetEndpoint,
	isOurEndpoint,
	readEndpoint,
	saveEndpoint,
} from './endpointState';

/**
 * Endpoint lifecycle: exactly one Stripe webhook endpoint per active trigger. checkExists confirms
 * the recorded one (URL, events, API version), updates its events in place, and deletes every other
 * endpoint this trigger left behind (same URL, our metadata) — after restarts, re-publishing, event
 * changes or lost static data — so create never adds a second one.
 */

const ENDPOINTS_PATH = '/v1/webhook_endpoints';

interface Owner {
	workflowId: string;
	nodeId: string;
}

export async function endpointExists(this: IHookFunctions): Promise<boolean> {
	const settings = readTriggerSettings(this);
	const staticData = this.getWorkflowStaticData('node');
	const recorded = readEndpoint(staticData);
	if (settings.endpointMode === 'manual') {
		assertManualSecrets(this, settings.manualSecrets);
		// Switched from automatic: the endpoint we created earlier must not keep receiving events.
		if (recorded) await deleteEndpointById(this, recorded.id);
		forgetEndpoint(staticData);
		return true;
	}
	const url = webhookUrl(this);
	const owner = ownerOf(this);
	const events = wantedEvents(this);
	const apiVersion = await endpointApiVersion(this);
	const endpoints = await stripeApiRequestAllItems.call(this, ENDPOINTS_PATH);

	let kept: IDataObject | undefined;
	const found = recorded ? endpoints.find((endpoint) => endpoint.id === recorded.id) : undefined;
	if (recorded && found && isOurEndpoint(found, owner)) {
		// api_version cannot be changed on an endpoint: a different pin needs a new endpoint.
		if (found.url === url && found.api_version === apiVersion) kept = found;
		else await deleteEndpointById(this, recorded.id);
	}
	for (const leftover of endpoints) {
		if (leftover === kept || leftover.url !== url || !isOurEndpoint(leftover, owner)) continue;
		await deleteEndpointById(this, String(leftover.id));
	}
	if (!kept || !recorded) {
		forgetEndpoint(staticData);
		return false;
	}
	const current = Array.isArray(kept.enabled_events) ? (kept.enabled_events as string[]) : [];
	if (!sameSet(current, events) || kept.status === 'disabled') {
		await stripeApiRequest.call(this, {
			method: 'POST',
			path: `${ENDPOINTS_PATH}/${encodeURIComponent(recorded.id)}`,
			params: { enabled_events: events, disabled: false },
			idempotencyKey: `paywire-endpoint-update-${randomUUID()}`,
		});
	}
	saveEndpoint(staticData, { ...recorded, events });
	return true;
}

export async function createEndpoint(this: IHookFunctions): Promise<boolean> {
	const settings = readTriggerSettings(this);
	if (settings.endpointMode === 'manual') return true;
	const url = webhookUrl(this);
	const owner = ownerOf(this);
	const events = wantedEvents(this);
	const apiVersion = await endpointApiVersion(this);
	const workflowName = this.getWorkflow().name ?? owner.workflowId;
	const { body } = await stripeApiRequest.call(this, {
		method: 'POST',
		path: ENDPOINTS_PATH,
		params: {
			url,
			enabled_events: events,
			api_version: apiVersion,
			description:
				`n8n Paywire trigger "${this.getNode().name}" in workflow "${workflowName}"`.slice(0, 250),
			metadata: endpointMetadata(owner.workflowId, owner.nodeId),
		},
		// A fresh key per activation: Stripe replays a key's first answer for 24 h, which would hand
		// back an endpoint deleted since. Retries inside this call reuse it.
		idempotencyKey: `paywire-endpoint-create-${randomUUID()}`,
	});
	if (typeof body.id !== 'string' || typeof body.secret !== 'string' || body.secret === '') {
		if (typeof body.id === 'string') await deleteEndpointById(this, body.id);
		throw new NodeOperationError(
			this.getNode(),
			'Stripe created the webhook endpoint without returning its signing secret, so deliveries could not be verified',
			{ description: 'Check the credential’s API base URL, then publish the workflow again.' },
		);
	}
	saveEndpoint(this.getWorkflowStaticData('node'), {
		id: body.id,
		secret: body.secret,
		url,
		events,
		apiVersion,
	});
	return true;
}

export async function deleteEndpoint(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const recorded = readEndpoint(staticData);
	const settings = readTriggerSettings(this);
	if (settings.endpointMode === 'manual') {
		// The user's own endpoint is theirs to remove; only one we created earlier is deleted.
		if (recorded) await deleteEndpointById(this, recorded.id);
	} else {
		const url = webhookUrl(this);
		const owner = ownerOf(this);
		const endpoints = await stripeApiRequestAllItems.call(this, ENDPOINTS_PATH);
		const ours = endpoints.filter(
			(endpoint) =>
				isOurEndpoint(endpoint, owner) && (endpoint.url === url || endpoint.id === recorded?.id),
		);
		for (const endpoint of ours) await deleteEndpointById(this, String(endpoint.id));
	}
	forgetEndpoint(staticData);
	return true;
}

/** Deletes one endpoint; one that is already gone counts as deleted. Every other error is raised. */
async function deleteEndpointById(context: IHookFunctions, id: string): Promise<void> {
	try {
		await stripeApiRequest.call(context, {
			method: 'DELETE',
			path: `${ENDPOINTS_PATH}/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (!isNotFound(error)) throw toNodeError(context.getNode(), error);
		context.logger.info(`Stripe webhook endpoint ${id} was already deleted`);
	}
}

function isNotFound(error: unknown): boolean {
	return paymentErrorDetailsOf(error)?.category === 'not_found';
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

function ownerOf(context: IHookFunctions): Owner {
	return { workflowId: String(context.getWorkflow().id ?? ''), nodeId: context.getNode().id };
}

function wantedEvents(context: IHookFunctions): string[] {
	const settings = readTriggerSettings(context);
	const events = enabledEventsFor(settings.names, settings.rawTypes);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Pick an event under Events, or a raw Stripe event under Options.',
		});
	}
	return events;
}

/** The credential's API version override when set, else the version this package is built for. */
async function endpointApiVersion(context: IHookFunctions): Promise<string> {
	const credential = await context.getCredentials(STRIPE_CREDENTIAL_TYPE);
	const override = typeof credential?.apiVersion === 'string' ? credential.apiVersion.trim() : '';
	return override || STRIPE_API_VERSION;
}

function assertManualSecrets(context: IHookFunctions, secrets: string[]): void {
	if (secrets.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Paste the endpoint’s signing secret', {
			description: 'Without a signing secret every delivery would be rejected (fail closed).',
		});
	}
	const wrong = secrets.findIndex((secret) => !secret.startsWith('whsec_'));
	if (wrong >= 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Signing secret ${wrong + 1} does not start with whsec_`,
			{
				description:
					'Copy the whole secret from the endpoint page in the Stripe Dashboard, including whsec_.',
			},
		);
	}
}

function sameSet(a: string[], b: string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
