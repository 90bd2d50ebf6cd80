import type { IRun, IRunExecutionData } from 'n8n-workflow';

import { runWorkflow, type RunWorkflowOptions, type WorkflowRunResult } from './runWorkflow';

/**
 * The execution data n8n 2.40.7's `ExecutionService.retry` hands to `WorkflowRunner.run` for a
 * failed execution: the stored data (a JSON round trip stands for the database) with the
 * execution's error deleted and, when the last node executed ended in an error, that node's last
 * run dropped. Everything else is kept as stored — the node execution stack (the failed node with
 * the same input items), the other nodes' run data, and the node and flow context.
 */
export function retryDataOf(failed: IRun): IRunExecutionData {
	const data = JSON.parse(JSON.stringify(failed.data)) as IRunExecutionData;
	if (!data.executionData) throw new Error('Harness: the execution has no execution data to retry');
	if (failed.finished) throw new Error('Harness: the execution succeeded, so it cannot be retried');
	const { lastNodeExecuted } = data.resultData;
	if (lastNodeExecuted) {
		delete data.resultData.error;
		const nodeRunData = data.resultData.runData?.[lastNodeExecuted];
		if (nodeRunData && nodeRunData.length > 0 && nodeRunData.at(-1)?.error !== undefined) {
			nodeRunData.pop();
		}
	}
	return data;
}

/** n8n's Retry of `failed` ("retry with original workflow"): a new execution in mode `retry`. */
export async function retryExecution(
	failed: WorkflowRunResult,
	options: Omit<RunWorkflowOptions, 'runExecutionData' | 'mode' | 'triggerItems'>,
): Promise<WorkflowRunResult> {
	return await runWorkflow({
		...options,
		mode: 'retry',
		runExecutionData: retryDataOf(failed.run),
	});
}
