import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';

const BASE_URL = 'http://localhost:5678';

/**
 * What WorkflowExecute and the node execution contexts read from the process around them. Services
 * a Paywire node has no business using (sub-workflows, task runners, AI events) fail loudly.
 */
export function harnessAdditionalData(
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: HarnessCredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => () => {
		throw new Error(`Harness: ${what} is not supported`);
	};
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		variables: {},
		userId: 'harness-user',
		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask (Code node task runners)'),
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}
