import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { paywireStripeApiTest } from '../shared/credentialTest';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch } from './methods';

// The description (icon, usableAsTool, subtitle included) lives in actions/versionDescription.ts, as
// in n8n's v2 layout; this rule only reads a description written inline in the class.
// eslint-disable-next-line @n8n/community-nodes/icon-validation
export class StripePayments implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = {
		listSearch,
		credentialTest: { paywireStripeApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
