import type {
	ExecutionError,
	IDataObject,
	INodeExecutionData,
	IRun,
	IRunData,
	IRunExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { PaywireStripeApi } from '../../../credentials/PaywireStripeApi.credentials';
import { harnessAdditionalData } from './additionalData';
import {
	HarnessCredentialsHelper,
	type CredentialClass,
	type TestCredentials,
} from './credentialsHelper';
import { ensureN8nUserFolder } from './env';
import { harnessLifecycleHooks } from './lifecycleHooks';
import { HarnessNodeTypes, type NodeClass } from './nodeTypes';
import type { HarnessWorkflow } from './workflow';

export interface RunWorkflowOptions {
	/** Our node classes; the Manual Trigger is always there. */
	nodes: NodeClass[];
	workflow: HarnessWorkflow;
	/** Decrypted test data per credential type, e.g. `{ paywireStripeApi: { secretKey: 'sk_test_123' } }`. */
	credentials?: TestCredentials;
	/** Credential type classes; default: Paywire's real PaywireStripeApi. */
	credentialTypes?: CredentialClass[];
	/** Items the trigger starts the run with; default one empty item. */
	triggerItems?: INodeExecutionData[];
	mode?: WorkflowExecuteMode;
	/**
	 * Run from stored execution data instead of the trigger (what n8n's WorkflowRunner does with
	 * `executionData`, e.g. for a Retry: see retryExecution.ts); `triggerItems` is then unused.
	 */
	runExecutionData?: IRunExecutionData;
}

export interface WorkflowRunResult {
	/** Main output 0 of each node's last run, by node name. */
	items: Record<string, INodeExecutionData[]>;
	/** Just the `json` of those items. */
	json: Record<string, IDataObject[]>;
	/** Every main output of each node's last run (for nodes with an error output). */
	outputs: Record<string, INodeExecutionData[][]>;
	/** Node names in the order they finished running. */
	nodeExecutionOrder: string[];
	/** The error that stopped the run, if any (a node error without continueOnFail). */
	error: ExecutionError | undefined;
	runData: IRunData;
	run: IRun;
	/** What `workflowExecuteAfter` received as the new static data, when it changed. */
	staticData: IDataObject | undefined;
	credentialsHelper: HarnessCredentialsHelper;
}

let executionCounter = 0;

/** Runs a workflow through n8n-core's real WorkflowExecute and collects what it produced. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	ensureN8nUserFolder();
	const { WorkflowExecute } = await import('n8n-core');
	const mode = options.mode ?? 'manual';
	const nodeTypes = new HarnessNodeTypes(options.nodes);
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentialTypes ?? [PaywireStripeApi],
		structuredClone(options.credentials ?? {}),
	);
	const source = options.workflow;
	const workflow = new Workflow({
		id: source.id ?? 'harness-workflow',
		name: source.name ?? 'Harness workflow',
		nodes: source.nodes,
		connections: source.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', ...source.settings },
		staticData: source.staticData as IDataObject | undefined,
	});

	const executionId = `harness-${++executionCounter}`;
	const hooks = await harnessLifecycleHooks(mode, executionId, workflow, source);
	const nodeExecutionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		nodeExecutionOrder.push(nodeName);
	});
	let afterRun: { run: IRun; staticData: IDataObject | undefined } | undefined;
	hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
		afterRun = { run, staticData: newStaticData };
	});

	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('Harness: the workflow has no start node');
	const runExecutionData =
		options.runExecutionData ??
		createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node: startNode,
						data: { main: [options.triggerItems ?? [{ json: {} }]] },
						source: null,
					},
				],
			},
		});
	const additionalData = harnessAdditionalData(hooks, credentialsHelper, executionId);
	const execute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const returned = await execute.processRunExecutionData(workflow);
	const run = afterRun?.run ?? returned;
	return {
		...collect(run),
		nodeExecutionOrder,
		staticData: afterRun?.staticData,
		credentialsHelper,
	};
}

function collect(
	run: IRun,
): Pick<WorkflowRunResult, 'items' | 'json' | 'outputs' | 'error' | 'runData' | 'run'> {
	const runData = run.data.resultData.runData;
	const items: Record<string, INodeExecutionData[]> = {};
	const json: Record<string, IDataObject[]> = {};
	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [nodeName, tasks] of Object.entries(runData)) {
		const main = (tasks.at(-1)?.data?.main ?? []).map((output) => output ?? []);
		outputs[nodeName] = main;
		items[nodeName] = main[0] ?? [];
		json[nodeName] = items[nodeName].map((item) => item.json);
	}
	return { items, json, outputs, error: run.data.resultData.error, runData, run };
}
