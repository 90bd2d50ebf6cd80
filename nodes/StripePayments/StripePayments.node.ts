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
