/**
 * Dispatch by resource and operation, through runPerItem.
 *
 * The pattern every resource follows (agreed for all resources of this node):
 *   actions/<resource>/<Resource>.resource.ts
 *     import * as create from './create.operation';    // one file per operation
 *     export { create };                                // the operations, keyed by operation value
 *     export const description: INodeProperties[] = [operationSelector, ...create.description];
 *   actions/<resource>/<operation>.operation.ts
 *     export const description: INodeProperties[]       // stamped with updateDisplayOptions
 *     export async function execute(this: IExecuteFunctions, itemIndex: number)
 *       : Promise<IDataObject | IDataObject[]>          // one item in; one or more objects out
 * POST operations include `idempotencyOption` (helpers/idempotency) in their description and
 * send `idempotencyKeyFor.call(this, itemIndex, '<resource>.<operation>')`.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../helpers/runPerItem';
import type { ItemOperation } from '../helpers/runPerItem';
import * as billingPortal from './billingPortal/BillingPortal.resource';
import * as checkoutSession from './checkoutSession/CheckoutSession.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as customer from './customer/Customer.resource';
import * as event from './event/Event.resource';
import * as invoice from './invoice/Invoice.resource';
import * as payment from './payment/Payment.resource';
import * as paymentLink from './paymentLink/PaymentLink.resource';
import * as paymentMethod from './paymentMethod/PaymentMethod.resource';
import * as refund from './refund/Refund.resource';
import * as subscription from './subscription/Subscription.resource';
import type { StripePaymentsResource } from './node.type';

export const resourceModules: Record<StripePaymentsResource, object> = {
	checkoutSession,
	paymentLink,
	payment,
	refund,
	customer,
	paymentMethod,
	invoice,
	billingPortal,
	subscription,
	event,
	customApiCall,
};

/** The execute function for a resource/operation pair, or undefined when there is none. */
export function findOperation(resource: string, operation: string): ItemOperation | undefined {
	if (!Object.hasOwn(resourceModules, resource) || operation === 'description') return undefined;
	const resourceModule = resourceModules[resource as StripePaymentsResource] as Record<
		string,
		unknown
	>;
	if (!Object.hasOwn(resourceModule, operation)) return undefined;
	const operationModule = resourceModule[operation] as { execute?: unknown } | undefined;
	return typeof operationModule?.execute === 'function'
		? (operationModule.execute as ItemOperation)
		: undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = findOperation(resource, operation);
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
		);
	}
	return [await runPerItem.call(this, execute)];
}
