import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/**
 * A minimal IExecuteFunctions for unit tests of helpers that only read parameters, items and the
 * credential. Parameters may be functions of the item index (what an expression would give).
 */
export interface FakeContextInput {
	parameters: Record<string, unknown | ((itemIndex: number) => unknown)>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	secretKey?: string;
	/** Default 'exec-1'. */
	executionId?: string;
	/** n8n's run index ($runIndex): the node's pass in the execution; default 0. */
	runIndex?: number;
	/** The node context (`getContext('node')`), shared when a test passes the same object. */
	nodeContext?: IDataObject;
	/** The execution's mode; default 'manual'. */
	mode?: WorkflowExecuteMode;
	/** Set for a sub-workflow run: the execution that called it (n8n 2.x execution context). */
	parentExecutionId?: string;
}

export function fakeExecuteContext(input: FakeContextInput): IExecuteFunctions {
	const node: INode = {
		id: 'node-1',
		name: 'Stripe Payments',
		type: 'n8n-nodes-paywire.stripePayments',
		typeVersion: 1,
		position: [0, 0],
		parameters: Object.fromEntries(
			Object.entries(input.parameters).map(([name, value]) => [
				name,
				typeof value === 'function' ? '={{ expression }}' : (value as never),
			]),
		),
	};
	const items: INodeExecutionData[] = (input.items ?? [{}]).map((json) => ({ json }));
	const context = {
		getNode: () => node,
		/** No upstream nodes: a key never finds a triggering event through lineage here. */
		getParentNodes: () => [],
		getInputData: () => items,
		continueOnFail: () => input.continueOnFail ?? false,
		getWorkflow: () => ({ id: 'wf-1', name: 'test', active: false }),
		getExecutionId: () => input.executionId ?? 'exec-1',
		getMode: () => input.mode ?? 'manual',
		getExecutionContext: () =>
			input.parentExecutionId ? { parentExecutionId: input.parentExecutionId } : undefined,
		getContext: () => (input.nodeContext ??= {}),
		getWorkflowDataProxy: () => ({ $runIndex: input.runIndex ?? 0 }),
		getCredentials: async () => ({ secretKey: input.secretKey ?? 'sk_test_123', mode: 'test' }),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			if (!(name in input.parameters)) {
				if (fallback !== undefined) return fallback;
				throw new Error(`no parameter ${name}`);
			}
			const value = input.parameters[name];
			return typeof value === 'function' ? (value as (i: number) => unknown)(itemIndex) : value;
		},
	};
	return context as unknown as IExecuteFunctions;
}
