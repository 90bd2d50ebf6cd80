import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { isSealed, sealSecret, unsealSecret } from '../../core/security/seal';
import { STRIPE_CREDENTIAL_TYPE } from '../shared/stripeTransport';
import { readTriggerSettings } from './description';

/**
 * The webhook endpoint this trigger created, as kept in the node's static data. Stripe shows the
 * signing secret only once, in the creation response, and static data lives in the workflow row
 * (readable by anyone who may read the workflow), so the secret is stored sealed: AES-256-GCM under
 * a key derived from the credential's secret key (core/security/seal.ts), bound to this workflow,
 * node and endpoint. Only a process that can decrypt the credential can open it.
 */
export interface EndpointRecord {
	id: string;
	/** Plaintext, in memory only. */
	secret: string;
	url: string;
	events: string[];
	apiVersion: string;
}

/** What static data holds: the secret sealed (or, written by 0.1.0, in plaintext until migrated). */
export interface StoredEndpoint {
	id: string;
	url: string;
	events: string[];
	apiVersion: string;
	sealedSecret?: string;
	legacyPlaintextSecret?: string;
}

export interface EndpointOwner {
	workflowId: string;
	nodeId: string;
}

type TriggerContext = IHookFunctions | IWebhookFunctions;

const KEY = 'endpoint';
/** Endpoints whose deletion failed (deactivation, clean-up): deleted on the next activation. */
const LEFTOVERS_KEY = 'leftoverEndpoints';

export function readStoredEndpoint(staticData: IDataObject): StoredEndpoint | null {
	const value = staticData[KEY] as IDataObject | undefined;
	if (!value || typeof value !== 'object') return null;
	const { id, secret, sealedSecret, url, events, apiVersion } = value;
	if (typeof id !== 'string' || typeof url !== 'string') return null;
	const stored: StoredEndpoint = {
		id,
		url,
		events: Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [],
		apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
	};
	if (isSealed(sealedSecret)) stored.sealedSecret = sealedSecret;
	else if (typeof secret === 'string' && secret !== '') stored.legacyPlaintextSecret = secret;
	return stored;
}

/** The stored endpoint's secret in plaintext, or null when it cannot be opened with this key. */
export function openEndpointSecret(
	stored: StoredEndpoint,
	keyMaterial: string,
	owner: EndpointOwner,
): string | null {
	if (stored.sealedSecret !== undefined) {
		return unsealSecret(stored.sealedSecret, keyMaterial, sealBinding(owner, stored.id));
	}
	return stored.legacyPlaintextSecret ?? null;
}

export function saveEndpoint(
	staticData: IDataObject,
	record: EndpointRecord,
	keyMaterial: string,
	owner: EndpointOwner,
): void {
	staticData[KEY] = {
		id: record.id,
		sealedSecret: sealSecret(record.secret, keyMaterial, sealBinding(owner, record.id)),
		url: record.url,
		events: [...record.events],
		apiVersion: record.apiVersion,
	};
}

export function forgetEndpoint(staticData: IDataObject): void {
	delete staticData[KEY];
}

export function readLeftoverEndpoints(staticData: IDataObject): string[] {
	const value = staticData[LEFTOVERS_KEY];
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export function rememberLeftoverEndpoints(staticData: IDataObject, ids: string[]): void {
	const all = [...new Set([...readLeftoverEndpoints(staticData), ...ids])];
	if (all.length > 0) staticData[LEFTOVERS_KEY] = all;
}

export function forgetLeftoverEndpoints(staticData: IDataObject, ids: string[]): void {
	const remaining = readLeftoverEndpoints(staticData).filter((id) => !ids.includes(id));
	if (remaining.length > 0) staticData[LEFTOVERS_KEY] = remaining;
	else delete staticData[LEFTOVERS_KEY];
}

export function ownerOf(context: TriggerContext): EndpointOwner {
	return { workflowId: String(context.getWorkflow().id ?? ''), nodeId: context.getNode().id };
}

/** The credential's secret key: the material the sealing key is derived from. */
export async function sealingKeyMaterial(context: TriggerContext): Promise<string> {
	const credential = await context.getCredentials(STRIPE_CREDENTIAL_TYPE);
	return typeof credential?.secretKey === 'string' ? credential.secretKey.trim() : '';
}

/**
 * The signing secrets a delivery is verified against: the pasted ones in manual mode, else the
 * created endpoint's secret, unsealed. Empty when there is none (every delivery then fails closed).
 * A secret stored in plaintext by 0.1.0 is read once and sealed in its place (saved with the
 * static data n8n writes after the call).
 */
export async function readSigningSecrets(context: IWebhookFunctions): Promise<string[]> {
	const settings = readTriggerSettings(context);
	if (settings.endpointMode === 'manual') return settings.manualSecrets;
	const staticData = context.getWorkflowStaticData('node');
	const stored = readStoredEndpoint(staticData);
	if (!stored) return [];
	const owner = ownerOf(context);
	const keyMaterial = await sealingKeyMaterial(context);
	const secret = keyMaterial === '' ? null : openEndpointSecret(stored, keyMaterial, owner);
	if (secret === null) {
		context.logger.error(
			`Stripe Payments Trigger: the signing secret of endpoint ${stored.id} cannot be opened with ` +
				'the credential’s current secret key; unpublish and publish the workflow again',
		);
		return [];
	}
	if (stored.sealedSecret === undefined) {
		saveEndpoint(staticData, { ...stored, secret }, keyMaterial, owner);
	}
	return [secret];
}

function sealBinding(owner: EndpointOwner, endpointId: string): string {
	return `stripe-webhook-endpoint:${owner.workflowId}:${owner.nodeId}:${endpointId}`;
}

/** Metadata on every endpoint we create: how checkExists recognises ours after lost static data. */
export const METADATA_CREATED_BY = 'paywire-n8n';

export function endpointMetadata(workflowId: string, nodeId: string): Record<string, string> {
	return { created_by: METADATA_CREATED_BY, n8n_workflow_id: workflowId, n8n_node_id: nodeId };
}

export function isOurEndpoint(endpoint: IDataObject, owner: EndpointOwner): boolean {
	const metadata = (endpoint.metadata ?? {}) as IDataObject;
	return (
		metadata.created_by === METADATA_CREATED_BY &&
		metadata.n8n_workflow_id === owner.workflowId &&
		metadata.n8n_node_id === owner.nodeId
	);
}
