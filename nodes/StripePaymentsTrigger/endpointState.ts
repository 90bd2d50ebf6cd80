import type { IDataObject } from 'n8n-workflow';

/**
 * The webhook endpoint this trigger created, as kept in the node's static data. The signing secret
 * is here because Stripe shows it only once, in the creation response. Static data lives in the
 * workflow row, not in n8n's encrypted credential store (docs/trigger.md, security model).
 */
export interface EndpointRecord {
	id: string;
	secret: string;
	url: string;
	events: string[];
	apiVersion: string;
}

const KEY = 'endpoint';

export function readEndpoint(staticData: IDataObject): EndpointRecord | null {
	const value = staticData[KEY] as IDataObject | undefined;
	if (!value || typeof value !== 'object') return null;
	const { id, secret, url, events, apiVersion } = value;
	if (typeof id !== 'string' || typeof secret !== 'string' || typeof url !== 'string') return null;
	return {
		id,
		secret,
		url,
		events: Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [],
		apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
	};
}

export function saveEndpoint(staticData: IDataObject, record: EndpointRecord): void {
	staticData[KEY] = { ...record, events: [...record.events] };
}

export function forgetEndpoint(staticData: IDataObject): void {
	delete staticData[KEY];
}

/** Metadata on every endpoint we create: how checkExists recognises ours after lost static data. */
export const METADATA_CREATED_BY = 'paywire-n8n';

export function endpointMetadata(workflowId: string, nodeId: string): Record<string, string> {
	return { created_by: METADATA_CREATED_BY, n8n_workflow_id: workflowId, n8n_node_id: nodeId };
}

export function isOurEndpoint(
	endpoint: IDataObject,
	owner: { workflowId: string; nodeId: string },
): boolean {
	const metadata = (endpoint.metadata ?? {}) as IDataObject;
	return (
		metadata.created_by === METADATA_CREATED_BY &&
		metadata.n8n_workflow_id === owner.workflowId &&
		metadata.n8n_node_id === owner.nodeId
	);
}
