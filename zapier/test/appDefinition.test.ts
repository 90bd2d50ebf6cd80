import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { compileApp, serializeApp } from 'zapier-platform-core/src/tools/schema';
import { validateAppDefinition } from 'zapier-platform-schema';

import { App } from './helpers';

/** The definition as `zapier-platform validate` / `push` sees it: functions replaced by markers. */
const definitionOf = (app: object) => serializeApp(compileApp(app));
const errorsOf = (app: object) =>
	validateAppDefinition(definitionOf(app)).errors.map((error) => error.stack);

const builtIndex = join(__dirname, '..', 'index.js');

describe('app definition (offline schema validation)', () => {
	it('the source app validates against zapier-platform-schema 19.1.0', () => {
		assert.deepEqual(errorsOf(App), []);
	});

	it('the built app (what is pushed) validates and matches the source', () => {
		assert.ok(
			existsSync(join(__dirname, '..', 'lib', 'zapier', 'src', 'index.js')),
			'run `npm run build` in zapier/ first',
		);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const built = require(builtIndex) as object;
		assert.deepEqual(errorsOf(built), []);
		assert.deepEqual(definitionOf(built), definitionOf(App));
	});

	it('the validator is not vacuous: a broken definition is reported', () => {
		const broken = {
			...App,
			triggers: {
				...App.triggers,
				payment_succeeded: { ...App.triggers.payment_succeeded, noun: undefined },
			},
		};
		assert.notDeepEqual(errorsOf(broken), []);
	});

	it('offers the seven REST-hook triggers, five creates, two searches and find-or-create customer', () => {
		const definition = definitionOf(App) as {
			triggers: Record<string, { operation: Record<string, unknown> }>;
			creates: Record<string, unknown>;
			searches: Record<string, unknown>;
			searchOrCreates: Record<string, unknown>;
		};
		assert.deepEqual(Object.keys(definition.triggers).sort(), [
			'checkout_completed',
			'checkout_expired',
			'dispute_created',
			'payment_failed',
			'payment_succeeded',
			'refund_succeeded',
			'subscription_payment_failed',
		]);
		for (const [key, trigger] of Object.entries(definition.triggers)) {
			assert.equal(trigger.operation.type, 'hook', key);
			for (const method of ['perform', 'performList', 'performSubscribe', 'performUnsubscribe']) {
				assert.ok(trigger.operation[method], `${key}.${method}`);
			}
		}
		assert.deepEqual(Object.keys(definition.creates).sort(), [
			'charge_saved_payment_method',
			'create_checkout_session',
			'create_customer',
			'create_payment_link',
			'create_refund',
		]);
		assert.deepEqual(Object.keys(definition.searches).sort(), ['find_customer', 'find_payment']);
		assert.deepEqual(Object.keys(definition.searchOrCreates), ['find_customer']);
	});
});
