import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Stand-in for n8n's Loop Over Items (n8n-nodes-base SplitInBatches v3, not a dependency here and
 * not MIT-licensed) with batch size 1: the same outputs (`done`, `loop`) and the same mechanism —
 * the items wait in the node context and the node's own run is re-entered through the connection
 * back from the loop body, so n8n's engine runs the loop body once per item with a new run index
 * each pass and item index 0 every time. That engine behaviour is what the tests depend on.
 */
export class LoopOverItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loop Over Items (test)',
		name: 'testLoopOverItems',
		group: ['organization'],
		version: 1,
		description: 'Test node: batch size 1, like Loop Over Items',
		defaults: { name: 'Loop Over Items' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		outputNames: ['done', 'loop'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const context = this.getContext('node') as { pending?: IDataObject[]; done?: IDataObject[] };
		if (context.pending === undefined) {
			context.pending = this.getInputData().map((item) => item.json);
			context.done = [];
		} else {
			context.done?.push(...this.getInputData().map((item) => item.json));
		}
		const next = context.pending.shift();
		if (next === undefined) return [(context.done ?? []).map((json) => ({ json })), []];
		return [[], [{ json: next, pairedItem: { item: 0 } }]];
	}
}
