import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { n8nInstallDir } from '../../../scripts/lib/n8nCache';
import type { NodeClass } from '../../nodes/harness';

/**
 * n8n's own nodes, loaded from the pinned n8n 2.40.7 install (scripts/n8n-install.sh, the one the
 * e2e suite uses): n8n-nodes-base is not a dependency of this package and its licence does not let
 * us copy it, so the property suite runs the real files from there. Registered under their real
 * types (`n8n-nodes-base.<name>`), as in an n8n instance.
 */
export const LOOP_OVER_ITEMS_TYPE = 'n8n-nodes-base.splitInBatches';
export const EXECUTE_WORKFLOW_TYPE = 'n8n-nodes-base.executeWorkflow';
export const EXECUTE_WORKFLOW_TRIGGER_TYPE = 'n8n-nodes-base.executeWorkflowTrigger';

type Loaded = new () => INodeType | IVersionedNodeType;

function baseNode(relativeFile: string, exportName: string, type: string): NodeClass {
	const requireFromBase = createRequire(
		join(n8nInstallDir(), 'node_modules', 'n8n-nodes-base', 'package.json'),
	);
	const module = requireFromBase(`./dist/nodes/${relativeFile}`) as Record<string, Loaded>;
	const Original = module[exportName];
	if (typeof Original !== 'function') {
		throw new Error(`n8n-nodes-base has no ${exportName} in ${relativeFile} (n8n version moved?)`);
	}
	return class {
		constructor() {
			const node = new Original();
			node.description = { ...node.description, name: type };
			return node;
		}
	} as unknown as NodeClass;
}

/** Loop Over Items (SplitInBatches, all versions; workflows here use v3), Execute Workflow and its trigger. */
export function n8nBaseNodes(): NodeClass[] {
	return [
		baseNode('SplitInBatches/SplitInBatches.node.js', 'SplitInBatches', LOOP_OVER_ITEMS_TYPE),
		baseNode(
			'ExecuteWorkflow/ExecuteWorkflow/ExecuteWorkflow.node.js',
			'ExecuteWorkflow',
			EXECUTE_WORKFLOW_TYPE,
		),
		baseNode(
			'ExecuteWorkflow/ExecuteWorkflowTrigger/ExecuteWorkflowTrigger.node.js',
			'ExecuteWorkflowTrigger',
			EXECUTE_WORKFLOW_TRIGGER_TYPE,
		),
	];
}
