import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import {
	emulatorRoutes,
	GENERATED_PARAMS_PATH,
	generateParams,
	renderParams,
} from '../../../scripts/generate-emulator-params';
import { generatedParams } from './validate';

describe('the emulator validation definitions (generated from the stripe package)', () => {
	const fresh = generateParams();

	it('the committed file is exactly what the generator produces from the installed stripe package', () => {
		assert.equal(
			readFileSync(GENERATED_PARAMS_PATH, 'utf8'),
			renderParams(fresh),
			'stripeParams.generated.json is stale: run node --import tsx scripts/generate-emulator-params.ts',
		);
	});

	it('covers every API route the emulator serves, each found in the stripe package', () => {
		assert.deepEqual(fresh.unmatched, []);
		assert.deepEqual(Object.keys(fresh.routes).sort(), emulatorRoutes().sort());
		for (const name of Object.values(fresh.routes)) assert.ok(fresh.defs[name], name);
	});

	it('reads nesting, required names, enums and Emptyable from the types', () => {
		const { defs, routes } = generatedParams();
		const create = defs[routes['POST /v1/payment_intents']];
		assert.deepEqual(create.r, ['amount', 'currency']);
		assert.deepEqual(create.p.capture_method, {
			t: 'enum',
			v: ['automatic', 'automatic_async', 'manual'],
		});
		const update = defs[routes['POST /v1/payment_intents/:intent']];
		assert.equal(update.p.metadata.e, 1, 'metadata may be unset on update');
		const session = defs[routes['POST /v1/checkout/sessions']];
		const lineItems = session.p.line_items;
		assert.equal(lineItems.t, 'array');
		const item = lineItems.t === 'array' && lineItems.i.t === 'object' ? defs[lineItems.i.n] : null;
		assert.ok(item?.p.price_data, 'line_items[] has price_data');
	});
});
