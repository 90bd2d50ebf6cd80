export {
	HarnessCredentialsHelper,
	type CredentialClass,
	type TestCredentials,
} from './credentialsHelper';
export { ensureN8nUserFolder } from './env';
export { MANUAL_TRIGGER_TYPE, ManualTrigger } from './manualTrigger';
export { HarnessNodeTypes, PACKAGE_NAME, type NodeClass } from './nodeTypes';
export { retryDataOf, retryExecution } from './retryExecution';
export { runWorkflow, type RunWorkflowOptions, type WorkflowRunResult } from './runWorkflow';
export {
	NODE_UNDER_TEST,
	TRIGGER_NODE_NAME,
	readWorkflowJson,
	singleNodeWorkflow,
	type HarnessWorkflow,
	type SingleNodeOptions,
} from './workflow';
