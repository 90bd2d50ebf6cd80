import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { control, raw, withEmulator } from './testClient';

/** Non-optional members of an interface in the stripe package's .d.ts (the pinned API version). */
function requiredFields(file: string, type: string, all = false): string[] {
	const path = join(dirname(require.resolve('stripe')), 'resources', `${file}.d.ts`);
	const source = readFileSync(path, 'utf8');
	const header = new RegExp(`^( *)(?:export )?interface ${type} \\{$`, 'm').exec(source);
	assert.ok(header, `${type} in ${file}.d.ts`);
	const indent = header[1];
	const member = new RegExp(`^${indent}    ([a-z_0-9]+)${all ? '\\??' : ''}:`);
	const fields: string[] = [];
	for (const line of source.slice(header.index + header[0].length).split('\n')) {
		if (line === `${indent}}`) break;
		const found = member.exec(line);
		if (found) fields.push(found[1]);
	}
	return fields;
}

test("every object the emulator returns has every required field of the stripe package's type", async () => {
	await withEmulator({}, async (emulator) => {
		const post = async (path: string, params: Record<string, unknown>) =>
			(await raw(emulator, 'POST', path, params)).body;
		const get = async (path: string) => (await raw(emulator, 'GET', path)).body;
		const lineItem = {
			price_data: { currency: 'usd', unit_amount: 700, product_data: { name: 'x' } },
			quantity: 1,
		};
		const intent = await post('/v1/payment_intents', {
			amount: 1000,
			currency: 'usd',
			payment_method: 'pm_card_createDispute',
			confirm: true,
			allowed_payment_method_types: ['card'],
		});
		const customer = await post('/v1/customers', { email: 'shape@example.com' });
		const session = await post('/v1/checkout/sessions', {
			mode: 'payment',
			line_items: [lineItem],
		});
		const price = (await get('/v1/prices')).data[0];
		const subscription = (await control(emulator, 'POST', '/subscriptions', { amount: 1000 })).body;
		const objects: Array<[string, string, Record<string, unknown>]> = [
			['PaymentIntents', 'PaymentIntent', intent],
			['Charges', 'Charge', await get(`/v1/charges/${intent.latest_charge}`)],
			['Disputes', 'Dispute', (await get('/v1/disputes')).data[0]],
			[
				'Refunds',
				'Refund',
				await post('/v1/refunds', {
					charge: (
						await post('/v1/payment_intents', {
							amount: 900,
							currency: 'usd',
							payment_method: 'pm_card_visa',
							confirm: true,
							allowed_payment_method_types: ['card'],
						})
					).latest_charge,
				}),
			],
			['Customers', 'Customer', customer],
			[
				'PaymentMethods',
				'PaymentMethod',
				await get(`/v1/payment_methods/${intent.payment_method}`),
			],
			['Checkout/Sessions', 'Session', session],
			[
				'LineItems',
				'LineItem',
				(await get(`/v1/checkout/sessions/${session.id}/line_items`)).data[0],
			],
			['Prices', 'Price', price],
			['Products', 'Product', (await get('/v1/products')).data[0]],
			[
				'PaymentLinks',
				'PaymentLink',
				await post('/v1/payment_links', { line_items: [{ price: price.id, quantity: 1 }] }),
			],
			[
				'WebhookEndpoints',
				'WebhookEndpoint',
				await post('/v1/webhook_endpoints', {
					url: 'https://example.com/h',
					enabled_events: ['*'],
				}),
			],
			['Subscriptions', 'Subscription', subscription.subscription],
			['Invoices', 'Invoice', subscription.invoice],
			['Events', 'EventBase', (await get('/v1/events')).data[0]],
			[
				'BillingPortal/Sessions',
				'Session',
				await post('/v1/billing_portal/sessions', { customer: customer.id }),
			],
		];
		const gaps: string[] = [];
		for (const [file, type, object] of objects) {
			const required = requiredFields(file, type);
			assert.ok(required.length >= 5, `${type}: parsed its fields`);
			const missing = required.filter((field) => !(field in object));
			if (missing.length > 0) gaps.push(`${file}.${type}: ${missing.join(', ')}`);
			const known = requiredFields(file, type, true);
			const unknown = Object.keys(object).filter((field) => !known.includes(field));
			if (unknown.length > 0) gaps.push(`${file}.${type} has unknown ${unknown.join(', ')}`);
		}
		assert.deepEqual(gaps, []);
	});
});
