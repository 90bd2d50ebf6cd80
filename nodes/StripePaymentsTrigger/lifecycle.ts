import { randomUUID } from 'node:crypto';

import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { STRIPE_API_VERSION } from '../../core/stripe/apiVersion';
import { enabledEventsFor } from '../../core/stripe/events';
import { STRIPE_CREDENTIAL_TYPE, stripeApiRequest } from '../shared/stripeTransport';
import { readTriggerSettings } from './description';
import {
	deleteEndpointsById,
	endpointError,
	ENDPOINTS_PATH,
	lifecycleRetryPolicy,
	listEndpoints,
} from './endpointCalls';
import {
	endpointMetadata,
	forgetEndpoint,
	forgetLeftoverEndpoints,
	isOurEndpoint,
	openEndpointSecret,
	ownerOf,
	readLeftoverEndpoints,
	readStoredEndpoint,
	rememberLeftoverEndpoints,
	saveEndpoint,
	sealingKeyMaterial,
} from './endpointState';

/**
 * Endpoint lifecycle: exactly one Stripe webhook endpoint per active trigger, or a visible error.
 * checkExists confirms the recorded one (URL, events, API version, a secret that opens), updates
 * its events in place, and deletes every other endpoint this trigger left behind (same URL, our
 * metadata, or remembered after a failed deletion) so create never adds a second one.
 * delete never throws: when it raises, n8n 2.40.7 (WebhookTriggerRegistrar.clearRegisteredWebhook)
 * logs the error and keeps its webhook row, and the next publish sees the webhook as registered and
 * calls neither checkExists nor create — a deaf trigger. So a failure is logged, remembered in
 * static data and retried on the next activation (docs/trigger.md, endpoint lifecycle).
 */

export async function endpointExists(this: IHookFunctions): Promise<boolean> {
	const settings = readTriggerSettings(this);
	const staticData = this.getWorkflowStaticData('node');
	const recorded = readStoredEndpoint(staticData);
	await removeRememberedLeftovers(this, staticData);
	if (settings.endpointMode === 'manual') {
		assertManualSecrets(this, settings.manualSecrets);
		// Switched from automatic: the endpoint we created earlier must not keep receiving events.
		if (recorded) await deleteOrFail(this, [recorded.id]);
		forgetEndpoint(staticData);
		return true;
	}
	const url = webhookUrl(this);
	const owner = ownerOf(this);
	const events = wantedEvents(this);
	const apiVersion = await endpointApiVersion(this);
	const keyMaterial = await sealingKeyMaterial(this);
	const endpoints = await listOrFail(this);

	let kept: IDataObject | undefined;
	const found = recorded ? endpoints.find((endpoint) => endpoint.id === recorded.id) : undefined;
	const secret = recorded ? openEndpointSecret(recorded, keyMaterial, owner) : null;
	// api_version cannot be changed on an endpoint: a different pin needs a new endpoint; so does
	// a secret that no longer opens (the credential's key was replaced).
	if (
		found &&
		isOurEndpoint(found, owner) &&
		found.url === url &&
		found.api_version === apiVersion
	) {
		if (secret !== null) kept = found;
	}
	const stale = endpoints.filter(
		(endpoint) =>
			endpoint !== kept &&
			isOurEndpoint(endpoint, owner) &&
			(endpoint.url === url || endpoint.id === recorded?.id),
	);
	await deleteOrFail(
		this,
		stale.map((endpoint) => String(endpoint.id)),
	);
	if (!kept || !recorded || secret === null) {
		forgetEndpoint(staticData);
		return false;
	}
	const current = Array.isArray(kept.enabled_events) ? (kept.enabled_events as string[]) : [];
	if (!sameSet(current, events) || kept.status === 'disabled') {
		try {
			await stripeApiRequest.call(this, {
				method: 'POST',
				path: `${ENDPOINTS_PATH}/${encodeURIComponent(recorded.id)}`,
				params: { enabled_events: events, disabled: false },
				idempotencyKey: `paywire-endpoint-update-${randomUUID()}`,
				retryPolicy: lifecycleRetryPolicy('activation'),
			});
		} catch (error) {
			throw endpointError(
				this,
				'update the events of this trigger’s Stripe webhook endpoint',
				error,
			);
		}
	}
	// Also seals a secret stored in plaintext by 0.1.0.
	saveEndpoint(staticData, { ...recorded, secret, events }, keyMaterial, owner);
	return true;
}

export async function createEndpoint(this: IHookFunctions): Promise<boolean> {
	const settings = readTriggerSettings(this);
	if (settings.endpointMode === 'manual') return true;
	const url = webhookUrl(this);
	const owner = ownerOf(this);
	const events = wantedEvents(this);
	const apiVersion = await endpointApiVersion(this);
	const keyMaterial = await sealingKeyMaterial(this);
	if (keyMaterial === '') {
		throw new NodeOperationError(this.getNode(), 'The credential has no secret key', {
			description: 'Enter the Stripe secret key in the credential, then publish again.',
		});
	}
	const workflowName = this.getWorkflow().name ?? owner.workflowId;
	let body: IDataObject;
	try {
		({ body } = await stripeApiRequest.call(this, {
			method: 'POST',
			path: ENDPOINTS_PATH,
			params: {
				url,
				enabled_events: events,
				api_version: apiVersion,
				description:
					`n8n Paywire trigger "${this.getNode().name}" in workflow "${workflowName}"`.slice(
						0,
						250,
					),
				metadata: endpointMetadata(owner.workflowId, owner.nodeId),
			},
			// A fresh key per activation: Stripe replays a key's first answer for 24 h, which would
			// hand back an endpoint deleted since. Retries inside this call reuse it.
			idempotencyKey: `paywire-endpoint-create-${randomUUID()}`,
			retryPolicy: lifecycleRetryPolicy('activation'),
		}));
	} catch (error) {
		throw endpointError(this, 'create the Stripe webhook endpoint of this trigger', error);
	}
	if (typeof body.id !== 'string' || typeof body.secret !== 'string' || body.secret === '') {
		if (typeof body.id === 'string') await deleteOrFail(this, [body.id]);
		throw new NodeOperationError(
			this.getNode(),
			'Stripe created the webhook endpoint without returning its signing secret, so deliveries could not be verified',
			{ description: 'Check the credential’s API base URL, then publish the workflow again.' },
		);
	}
	const record = { id: body.id, secret: body.secret, url, events, apiVersion };
	saveEndpoint(this.getWorkflowStaticData('node'), record, keyMaterial, owner);
	return true;
}

/** Never throws (see above): what Stripe did not delete is logged and remembered. */
export async function deleteEndpoint(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const recorded = readStoredEndpoint(staticData);
	const settings = readTriggerSettings(this);
	const owner = ownerOf(this);
	const targets = new Set<string>(readLeftoverEndpoints(staticData));
	if (recorded) targets.add(recorded.id);
	let listFailure: string | undefined;
	// The user's own endpoint (manual mode) is theirs to remove; only ones we created are deleted.
	if (settings.endpointMode !== 'manual') {
		try {
			const url = this.getNodeWebhookUrl('default');
			for (const endpoint of await listEndpoints(this, 'removal')) {
				if (
					isOurEndpoint(endpoint, owner) &&
					(endpoint.url === url || targets.has(endpoint.id as string))
				)
					targets.add(String(endpoint.id));
			}
		} catch (error) {
			listFailure = endpointError(this, 'list the Stripe webhook endpoints', error).message;
		}
	}
	const ids = [...targets];
	const { failed, reason } = await deleteEndpointsById(this, ids);
	forgetEndpoint(staticData);
	forgetLeftoverEndpoints(
		staticData,
		ids.filter((id) => !failed.includes(id)),
	);
	rememberLeftoverEndpoints(staticData, failed);
	if (failed.length > 0 || listFailure) {
		const leftover = failed.length > 0 ? ` Not deleted: ${failed.join(', ')} (${reason}).` : '';
		this.logger.error(
			`Stripe Payments Trigger "${this.getNode().name}" (workflow ${owner.workflowId}) could not ` +
				`remove its Stripe webhook endpoint.${leftover}${listFailure ? ` ${listFailure}.` : ''} ` +
				'It is deleted on the next publish of this workflow, or delete it in the Stripe Dashboard.',
			{ workflowId: owner.workflowId, endpoints: failed },
		);
	}
	return true;
}

/** Endpoints a failed deactivation left: deleted now; ones that still fail stay remembered. */
async function removeRememberedLeftovers(context: IHookFunctions, staticData: IDataObject) {
	const leftovers = readLeftoverEndpoints(staticData);
	if (leftovers.length === 0) return;
	const { failed } = await deleteEndpointsById(context, leftovers);
	forgetLeftoverEndpoints(
		staticData,
		leftovers.filter((id) => !failed.includes(id)),
	);
}

async function listOrFail(context: IHookFunctions): Promise<IDataObject[]> {
	try {
		return await listEndpoints(context, 'activation');
	} catch (error) {
		throw endpointError(context, 'check the Stripe webhook endpoints of this trigger', error);
	}
}

/** During activation an endpoint that cannot be deleted would make two: fail visibly instead. */
async function deleteOrFail(context: IHookFunctions, ids: string[]): Promise<void> {
	const { failed, reason } = await deleteEndpointsById(context, ids);
	if (failed.length === 0) return;
	rememberLeftoverEndpoints(context.getWorkflowStaticData('node'), failed);
	const which = failed.join(', ');
	throw endpointError(
		context,
		`delete this trigger’s old Stripe webhook endpoint ${which}`,
		reason,
	);
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
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
