import { readFileSync } from 'node:fs';

import type {
	IConnections,
	INode,
	INodeCredentials,
	INodeParameters,
	IWorkflowSettings,
} from 'n8n-workflow';

import { MANUAL_TRIGGER_TYPE } from './manualTrigger';
import { PACKAGE_NAME, type NodeClass } from './nodeTypes';

/** The parts of an n8n workflow (IWorkflowBase, or an exported workflow JSON) the harness runs. */
export interface HarnessWorkflow {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: Record<string, unknown>;
}

export const TRIGGER_NODE_NAME = 'Manual Trigger';
export const NODE_UNDER_TEST = 'Node Under Test';

export interface SingleNodeOptions {
	/** Node name in the workflow (the key of `items` in the result); default 'Node Under Test'. */
	name?: string;
	/** Default: the node class's default (latest) version, or 1 for a type given as a string. */
	typeVersion?: number;
	/** Extra node settings such as `continueOnFail: true` or `onError: 'continueErrorOutput'`. */
	nodeSettings?: Partial<INode>;
}

/**
 * Manual Trigger → one node. `node` is a node class (its type and latest version are read from
 * its description) or a type name ('stripePayments' or 'n8n-nodes-paywire.stripePayments');
 * `credentials` lists the credential types the node uses (each gets a test id).
 */
export function singleNodeWorkflow(
	node: NodeClass | string,
	parameters: INodeParameters,
	credentials: string[] = [],
	options: SingleNodeOptions = {},
): HarnessWorkflow {
	const { type, version } = typeAndVersion(node);
	const name = options.name ?? NODE_UNDER_TEST;
	const nodeCredentials: INodeCredentials = {};
	for (const credentialType of credentials) {
		nodeCredentials[credentialType] = {
			id: `${credentialType}-test`,
			name: `Test ${credentialType}`,
		};
	}
	return {
		id: 'harness-workflow',
		name: `Harness: ${name}`,
		nodes: [
			{
				id: 'harness-trigger',
				name: TRIGGER_NODE_NAME,
				type: MANUAL_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'harness-node',
				name,
				type,
				typeVersion: options.typeVersion ?? version,
				position: [220, 0],
				parameters,
				...(credentials.length > 0 ? { credentials: nodeCredentials } : {}),
				...options.nodeSettings,
			},
		],
		connections: {
			[TRIGGER_NODE_NAME]: { main: [[{ node: name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function typeAndVersion(node: NodeClass | string): { type: string; version: number } {
	if (typeof node === 'string') {
		return { type: node.includes('.') ? node : `${PACKAGE_NAME}.${node}`, version: 1 };
	}
	const instance = new node();
	const { name } = instance.description;
	const type = name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
	if ('nodeVersions' in instance) return { type, version: instance.currentVersion };
	const { version, defaultVersion } = instance.description;
	return { type, version: defaultVersion ?? Math.max(...[version].flat()) };
}

/** An exported n8n workflow file (the editor's Download, or `n8n export:workflow`); an array holds one. */
export function readWorkflowJson(path: string): HarnessWorkflow {
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as HarnessWorkflow | HarnessWorkflow[];
	const workflow = Array.isArray(parsed) ? parsed[0] : parsed;
	if (!workflow || !Array.isArray(workflow.nodes) || typeof workflow.connections !== 'object') {
		throw new Error(`Harness: ${path} is not an n8n workflow (nodes and connections expected)`);
	}
	return workflow;
}
