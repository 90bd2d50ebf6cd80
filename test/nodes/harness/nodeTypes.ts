import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MANUAL_TRIGGER_TYPE, ManualTrigger } from './manualTrigger';

export const PACKAGE_NAME = 'n8n-nodes-paywire';

export type NodeClass = new () => INodeType | IVersionedNodeType;

/**
 * INodeTypes over the given node classes, registered the way n8n registers a community package:
 * `<package>.<description.name>` (e.g. n8n-nodes-paywire.stripePayments), plus the Manual Trigger.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly byType = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodeClasses: NodeClass[], packageName = PACKAGE_NAME) {
		this.byType.set(MANUAL_TRIGGER_TYPE, new ManualTrigger());
		for (const NodeClass of nodeClasses) {
			const node = new NodeClass();
			const name = node.description.name;
			this.byType.set(name.includes('.') ? name : `${packageName}.${name}`, node);
		}
	}

	get knownTypes(): string[] {
		return [...this.byType.keys()];
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const node = this.byType.get(nodeType);
		if (!node) {
			throw new Error(
				`Harness: unknown node type "${nodeType}"; known: ${this.knownTypes.join(', ')}`,
			);
		}
		return node;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
