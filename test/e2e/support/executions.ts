import type { ExecutionSummary, N8nRest } from '../../../scripts/lib/n8nRest';
import { pollUntil } from '../../../scripts/lib/wait';

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits (bounded) until the workflow has at least `count` executions and all of them finished,
 * then returns them oldest first.
 */
export async function waitForExecutions(
	rest: N8nRest,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<ExecutionSummary[]> {
	return await pollUntil(
		async () => {
			const executions = await rest.executions(workflowId);
			if (executions.length < count) return undefined;
			if (!executions.every((execution) => FINISHED.has(execution.status))) return undefined;
			return [...executions].sort((a, b) => Number(a.id) - Number(b.id));
		},
		{ timeoutMs, intervalMs: 250, description: `${count} finished execution(s) of ${workflowId}` },
	);
}
