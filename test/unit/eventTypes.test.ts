import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { STRIPE_EVENT_TYPES } from '../../core/stripe/eventTypes.generated';
import {
	GENERATED_EVENT_TYPES_PATH,
	readStripeEventTypes,
	renderEventTypesModule,
} from '../../scripts/generate-event-types';

function fakeStripePackage(declarations: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'paywire-stripe-types-'));
	mkdirSync(path.join(dir, 'cjs', 'resources'), { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version: '0.0.0-test' }));
	writeFileSync(path.join(dir, 'cjs', 'resources', 'WebhookEndpoints.d.ts'), declarations);
	return dir;
}

describe('raw Stripe event types', () => {
	it('the committed file is exactly what the generator produces from the installed stripe package', () => {
		const committed = readFileSync(GENERATED_EVENT_TYPES_PATH, 'utf8');
		assert.equal(
			committed,
			renderEventTypesModule(),
			'core/stripe/eventTypes.generated.ts is stale: run node --import tsx scripts/generate-event-types.ts',
		);
	});

	it('is sorted, unique, without the "*" wildcard, and large (the whole catalogue)', () => {
		const list: string[] = [...STRIPE_EVENT_TYPES];
		assert.deepEqual(list, [...new Set(list)].sort());
		assert.ok(!list.includes('*'));
		assert.ok(list.length > 200, `only ${list.length} event types`);
	});

	it('contains every Stripe type the normalised events are built from', () => {
		for (const type of [
			'payment_intent.succeeded',
			'payment_intent.payment_failed',
			'payment_intent.requires_action',
			'checkout.session.completed',
			'checkout.session.async_payment_succeeded',
			'checkout.session.async_payment_failed',
			'checkout.session.expired',
			'refund.created',
			'refund.updated',
			'refund.failed',
			'charge.dispute.created',
			'invoice.payment_failed',
			'customer.subscription.deleted',
		]) {
			assert.ok((STRIPE_EVENT_TYPES as readonly string[]).includes(type), type);
		}
	});

	it('reads only the EnabledEvent union of WebhookEndpointCreateParams', () => {
		const dir = fakeStripePackage(`
			export declare namespace WebhookEndpointUpdateParams { type EnabledEvent = '*' | 'other.event'; }
			export declare namespace WebhookEndpointCreateParams {
				type ApiVersion = '2020-08-27';
				type EnabledEvent = '*' | 'b.second' | 'a.first' | 'b.second';
			}`);
		try {
			assert.deepEqual(readStripeEventTypes(dir), ['a.first', 'b.second']);
			assert.match(renderEventTypesModule(dir), /from stripe@0\.0\.0-test/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses to generate an empty list when the stripe types change shape', () => {
		const dir = fakeStripePackage('export interface WebhookEndpointCreateParams { url: string }');
		try {
			assert.throws(() => readStripeEventTypes(dir), /not found/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
