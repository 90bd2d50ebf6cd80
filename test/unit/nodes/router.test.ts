import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { STRIPE_PAYMENTS_OPERATIONS } from '../../../nodes/StripePayments/actions/node.type';
import { findOperation, router } from '../../../nodes/StripePayments/actions/router';
import { versionDescription } from '../../../nodes/StripePayments/actions/versionDescription';
import { StripePayments } from '../../../nodes/StripePayments/StripePayments.node';
import { fakeExecuteContext } from './fakeExecuteContext';

const properties = versionDescription.properties;
const resources = (properties.find((p) => p.name === 'resource')?.options ??
	[]) as INodePropertyOptions[];

function operationsOf(resource: string): string[] {
	const selector = properties.find(
		(p: INodeProperties) =>
			p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return ((selector?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
}

describe('Stripe Payments description and router', () => {
	it('is the usable-as-tool node with the Paywire credential and its node-side test', () => {
		const node = new StripePayments();
		assert.equal(node.description.name, 'stripePayments');
		assert.equal(node.description.usableAsTool, true);
		assert.deepEqual(node.description.credentials, [
			{ name: 'paywireStripeApi', required: true, testedBy: 'paywireStripeApiTest' },
		]);
		assert.equal(typeof node.methods.credentialTest.paywireStripeApiTest, 'function');
		for (const method of [
			'searchCustomers',
			'searchPrices',
			'searchPaymentIntents',
			'searchCheckoutSessions',
			'searchInvoices',
		]) {
			assert.equal(typeof (node.methods.listSearch as Record<string, unknown>)[method], 'function');
		}
	});

	it('lists every resource of the node', () => {
		assert.deepEqual(resources.map((r) => r.value).sort(), [
			'billingPortal',
			'checkoutSession',
			'customApiCall',
			'customer',
			'event',
			'invoice',
			'payment',
			'paymentLink',
			'paymentMethod',
			'refund',
			'subscription',
		]);
	});

	it('offers exactly the operations node.type.ts lists, for every resource', () => {
		for (const [resource, operations] of Object.entries(STRIPE_PAYMENTS_OPERATIONS)) {
			assert.deepEqual(operationsOf(resource).sort(), [...operations].sort(), resource);
		}
	});

	it('has an implementation for every operation a resource offers', () => {
		for (const resource of resources) {
			for (const operation of operationsOf(String(resource.value))) {
				assert.ok(
					findOperation(String(resource.value), operation),
					`${resource.value}.${operation}`,
				);
			}
		}
	});

	it('offers the money operations', () => {
		assert.deepEqual(operationsOf('checkoutSession').sort(), ['create', 'expire', 'get', 'list']);
		assert.deepEqual(operationsOf('paymentLink').sort(), ['create', 'deactivate', 'get']);
		assert.deepEqual(operationsOf('payment').sort(), [
			'cancel',
			'capture',
			'charge',
			'createForOnSession',
			'get',
			'list',
			'search',
		]);
		assert.deepEqual(operationsOf('refund').sort(), [
			'cancel',
			'create',
			'get',
			'list',
			'updateMetadata',
		]);
	});

	it('shows the Idempotency field on every operation that POSTs money or state', () => {
		const posting: Array<[string, string]> = [
			['checkoutSession', 'create'],
			['checkoutSession', 'expire'],
			['paymentLink', 'create'],
			['paymentLink', 'deactivate'],
			['payment', 'charge'],
			['payment', 'createForOnSession'],
			['payment', 'capture'],
			['payment', 'cancel'],
			['refund', 'create'],
			['refund', 'cancel'],
			['refund', 'updateMetadata'],
		];
		for (const [resource, operation] of posting) {
			const shown = properties.some(
				(p) =>
					p.name === 'idempotency' &&
					p.displayOptions?.show?.resource?.includes(resource) &&
					p.displayOptions?.show?.operation?.includes(operation),
			);
			assert.ok(shown, `${resource}.${operation}`);
		}
	});

	it('does not dispatch unknown pairs or non-operation exports', async () => {
		assert.equal(findOperation('refund', 'description'), undefined);
		assert.equal(findOperation('refund', 'toString'), undefined);
		assert.equal(findOperation('__proto__', 'create'), undefined);
		const context = fakeExecuteContext({
			parameters: { resource: 'refund', operation: 'teleport' },
		});
		await assert.rejects(router.call(context), {
			name: 'NodeOperationError',
			message: 'The operation "teleport" is not supported for the resource "refund"',
		});
	});
});
