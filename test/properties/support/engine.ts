import type {
	ExecuteWorkflowOptions,
	ExecutionError,
	IExecuteWorkflowInfo,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { PaywireStripeApi } from '../../../credentials/PaywireStripeApi.credentials';
import {
	ensureN8nUserFolder,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	type HarnessWorkflow,
	type NodeClass,
	type TestCredentials,
} from '../../nodes/harness';
import { harnessAdditionalData } from '../../nodes/harness/additionalData';
import { harnessLifecycleHooks } from '../../nodes/harness/lifecycleHooks';
import { retryDataOf } from '../../nodes/harness/retryExecution';
import { EXECUTE_WORKFLOW_TRIGGER_TYPE } from './n8nBaseNodes';

let executionCounter = 0;

/** One finished execution as n8n's database keeps it (run data stored as JSON, then read back). */
export interface StoredExecution {
	id: string;
	workflowId: string;
	mode: WorkflowExecuteMode;
	retryOf?: string;
	/** The parent execution, for a sub-workflow run by Execute Workflow. */
	parentExecutionId?: string;
	status: IRun['status'];
	finished: boolean;
	/** When it started (ms): runs in its run data that started earlier were kept from a failed one. */
	startedAt: number;
	data: IRunExecutionData;
}

/**
 * A small n8n instance in this process: the harness's node types and credentials, a store of
 * finished executions, sub-workflows (Execute Workflow, run the way n8n 2.40.7's
 * `executeWorkflow` runs them: a new execution in mode `integrated` starting at the Execute
 * Workflow Trigger), and execution retries built the way `ExecutionService.retry` builds them.
 */
export class HarnessInstance {
	readonly executions: StoredExecution[] = [];
	private readonly nodeTypes: HarnessNodeTypes;
	private readonly credentialsHelper: HarnessCredentialsHelper;
	private readonly workflows = new Map<string, HarnessWorkflow>();

	constructor(options: {
		nodes: NodeClass[];
		credentials: TestCredentials;
		workflows: HarnessWorkflow[];
	}) {
		ensureN8nUserFolder();
		this.nodeTypes = new HarnessNodeTypes(options.nodes);
		this.credentialsHelper = new HarnessCredentialsHelper([PaywireStripeApi], options.credentials);
		for (const workflow of options.workflows) this.workflows.set(String(workflow.id), workflow);
	}

	/** A production run of `workflowId` started by its trigger with `items`. */
	async start(workflowId: string, items: INodeExecutionData[]): Promise<StoredExecution> {
		const workflow = this.workflow(workflowId);
		const start = this.instance(workflow).getStartNode();
		if (!start) throw new Error(`workflow ${workflowId} has no start node`);
		const data = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }],
			},
		});
		return await this.execute(workflow, 'trigger', data);
	}

	/**
	 * n8n's Retry of a failed execution (ExecutionService.retry, n8n 2.40.7): the stored run data,
	 * node context included; the error removed; the last run of the last node dropped when it
	 * failed; that node starts again from the stored execution stack (same input items). With
	 * `loadWorkflow` the stack's nodes are the saved workflow's current ones ("Retry with
	 * currently saved workflow"), else the execution's copy.
	 */
	async retry(executionId: string, options: { loadWorkflow: boolean }): Promise<StoredExecution> {
		const failed = this.executions.find((execution) => execution.id === executionId);
		if (!failed) throw new Error(`no execution ${executionId}`);
		const data = retryDataOf({ data: failed.data, finished: failed.finished } as IRun);
		const workflow = this.workflow(failed.workflowId);
		if (options.loadWorkflow) {
			const current = this.instance(workflow);
			for (const stack of data.executionData?.nodeExecutionStack ?? []) {
				const node = current.getNode(stack.node.name);
				if (!node) throw new Error(`Could not find the node "${stack.node.name}" in workflow.`);
				stack.node = node;
			}
		}
		return await this.execute(workflow, 'retry', data, { retryOf: executionId });
	}

	private async execute(
		workflowData: HarnessWorkflow,
		mode: WorkflowExecuteMode,
		data: IRunExecutionData,
		links: { retryOf?: string; parentExecutionId?: string } = {},
	): Promise<StoredExecution> {
		const { WorkflowExecute } = await import('n8n-core');
		// Unique in the process, as an n8n database's ids are: keys scoped by execution never meet.
		const executionId = String(++executionCounter);
		const startedAt = Date.now();
		const workflow = this.instance(workflowData);
		const hooks = await harnessLifecycleHooks(mode, executionId, workflow, workflowData);
		const additionalData = harnessAdditionalData(hooks, this.credentialsHelper, executionId);
		additionalData.executeWorkflow = async (info, parentData, options) =>
			await this.executeSubWorkflow(info, parentData, options ?? {}, executionId);
		additionalData.getRunExecutionData = async (id: string) =>
			this.executions.find((execution) => execution.id === id)?.data;
		const run = await new WorkflowExecute(additionalData, mode, data).processRunExecutionData(
			workflow,
		);
		const stored: StoredExecution = {
			id: executionId,
			workflowId: String(workflow.id),
			mode,
			...links,
			status: run.status,
			startedAt,
			finished: run.finished === true,
			// What n8n's database gives back: the run data serialised and parsed again.
			data: JSON.parse(JSON.stringify(run.data)) as IRunExecutionData,
		};
		this.executions.push(stored);
		return stored;
	}

	private async executeSubWorkflow(
		info: IExecuteWorkflowInfo,
		_parentData: IWorkflowExecuteAdditionalData,
		options: ExecuteWorkflowOptions,
		parentExecutionId: string,
	) {
		if (info.id === undefined) throw new Error('Harness: sub-workflows are loaded by id only');
		const workflow = this.workflow(info.id);
		const start = workflow.nodes.find((node) => node.type === EXECUTE_WORKFLOW_TRIGGER_TYPE);
		if (!start) throw new Error(`workflow ${info.id} has no Execute Workflow Trigger`);
		const data = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node: start,
						data: { main: [options.inputData ?? [{ json: {} }]] },
						metadata: { parentExecution: options.parentExecution },
						source: null,
					},
				],
			},
			parentExecution: options.parentExecution,
		});
		const sub = await this.execute(workflow, 'integrated', data, { parentExecutionId });
		if (!sub.finished) {
			const error = sub.data.resultData.error as ExecutionError | undefined;
			throw Object.assign(new Error(error?.message ?? 'sub-workflow failed'), error ?? {}, {
				executionId: sub.id,
			});
		}
		const last = sub.data.resultData.lastNodeExecuted;
		const runs = last ? sub.data.resultData.runData[last] : undefined;
		return { executionId: sub.id, data: runs?.at(-1)?.data?.main ?? [null] };
	}

	private workflow(id: string): HarnessWorkflow {
		const workflow = this.workflows.get(id);
		if (!workflow) throw new Error(`Harness: no workflow ${id}`);
		return workflow;
	}

	private instance(source: HarnessWorkflow): Workflow {
		return new Workflow({
			id: source.id,
			name: source.name,
			nodes: source.nodes,
			connections: source.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: { executionOrder: 'v1', ...source.settings },
			staticData: source.staticData as Workflow['staticData'] | undefined,
		});
	}
}
