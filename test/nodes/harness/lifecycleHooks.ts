import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { Workflow, WorkflowExecuteMode } from 'n8n-workflow';

import type { HarnessWorkflow } from './workflow';

/** n8n-core's lifecycle hooks for one execution of `workflow` (built from `source`). */
export async function harnessLifecycleHooks(
	mode: WorkflowExecuteMode,
	executionId: string,
	workflow: Workflow,
	source: HarnessWorkflow,
): Promise<ExecutionLifecycleHooks> {
	const { ExecutionLifecycleHooks: Hooks } = await import('n8n-core');
	const now = new Date();
	return new Hooks(mode, executionId, {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: source.nodes,
		connections: source.connections,
		settings: workflow.settings,
	});
}
