/**
 * Screenshots of the n8n editor with Paywire (docs/images/*.png): a real n8n with the packed
 * tarball, the examples imported as `npm start` does, headless Debian Chromium.
 *   node --import tsx scripts/lib/screenshots.ts      (PAYWIRE_TARBALL=<tgz> to skip packing)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { emulatorControl } from './emulator';
import { launchChromium, type Page } from './browser';
import { REPO_ROOT } from './n8nCache';
import { ACTION_NODE_TYPE, CREDENTIAL_TYPE, EXAMPLE_CREDENTIAL, TRIGGER_NODE_TYPE } from './paywire';
import { importExamples } from '../../test/e2e/support/examples';
import { startSuite } from '../../test/e2e/support/suite';
import { paidPaymentIntent } from '../../test/e2e/support/stripe';
import { waitForExecutions } from '../../test/e2e/support/executions';
import { waitForWebhook } from '../../test/e2e/support/webhooks';

const imagesDir = join(REPO_ROOT, 'docs', 'images');
const examplesDir = join(REPO_ROOT, 'docs', 'examples');

async function openWorkflow(page: Page, url: string): Promise<void> {
	await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await page.waitForTimeout(1500);
}

async function openNode(page: Page, name: string): Promise<void> {
	await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${name}"]`, { timeout: 15_000 });
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 15_000 }).catch(() => undefined);
	await page.waitForTimeout(1500);
}

async function shot(page: Page, name: string): Promise<void> {
	const path = join(imagesDir, name);
	await page.screenshot({ path });
	console.log(`paywire: wrote docs/images/${name}`);
}

async function main(): Promise<void> {
	mkdirSync(imagesDir, { recursive: true });
	const suite = await startSuite('screenshots', {
		beforeStart: async (userFolder, emulator) => {
			await importExamples(userFolder, emulator.url, examplesDir);
		},
	});
	const browser = await launchChromium();
	try {
		// A small workflow to show a real execution: a paid PaymentIntent → one run, normalised output.
		const paidId = 'PaywireShotPaid1';
		await suite.rest.createWorkflow({
			id: paidId,
			name: 'Paid orders (screenshot)',
			nodes: [
				{
					id: 'shot-trigger',
					name: 'Stripe Payments Trigger',
					type: TRIGGER_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId: 'paywire-shot-paid',
					parameters: { events: ['payment.succeeded', 'payment.failed'] },
					credentials: { [CREDENTIAL_TYPE]: EXAMPLE_CREDENTIAL },
				},
				{
					id: 'shot-charge',
					name: 'Charge saved card',
					type: ACTION_NODE_TYPE,
					typeVersion: 1,
					position: [260, 0],
					disabled: true,
					parameters: {
						resource: 'payment',
						operation: 'charge',
						customer: { __rl: true, mode: 'id', value: '={{ $json.payment.customerId }}' },
						amount: '19.00',
						currency: 'usd',
						whenAuthenticationRequired: 'createRecoveryLink',
						recoverySuccessUrl: 'https://shop.example.com/thanks',
					},
					credentials: { [CREDENTIAL_TYPE]: EXAMPLE_CREDENTIAL },
				},
			],
			connections: {
				'Stripe Payments Trigger': { main: [[{ node: 'Charge saved card', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		});
		await suite.rest.activate(paidId);
		const state = await emulatorControl<{ endpoints: Array<{ url: string }> }>(suite.emulator.url, 'GET', 'state');
		await waitForWebhook(state.endpoints[0].url);
		await paidPaymentIntent(suite.emulator.url, 4900);
		const [execution] = await waitForExecutions(suite.rest, paidId, 1);

		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const [name, value] = suite.rest.authCookie.split('=');
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		const page = await context.newPage();
		const base = suite.n8n.baseUrl;

		await openWorkflow(page, `${base}/workflow/PaywireExFulfil1`);
		await shot(page, 'workflow-fulfilment.png');
		await openNode(page, 'Stripe Payments Trigger');
		await shot(page, 'node-trigger.png');

		await openWorkflow(page, `${base}/workflow/PaywireExAgent01`);
		await shot(page, 'workflow-ai-agent.png');

		await openWorkflow(page, `${base}/workflow/PaywireExRefund1`);
		await openNode(page, 'Refund');
		await shot(page, 'node-refund.png');

		await openWorkflow(page, `${base}/workflow/${paidId}`);
		await openNode(page, 'Charge saved card');
		await shot(page, 'node-charge.png');

		await openWorkflow(page, `${base}/workflow/${paidId}/executions/${execution.id}`);
		await page.waitForTimeout(2000);
		await shot(page, 'execution-payment-succeeded.png');

		// docs/examples/form-checkout.md: the order workflow and the public form a buyer sees.
		await suite.rest.activate('PaywireExFormBuy');
		await openWorkflow(page, `${base}/workflow/PaywireExFormBuy`);
		await shot(page, 'workflow-form-checkout.png');
		await page.goto(`${base}/form/paywire-order`, { waitUntil: 'networkidle', timeout: 60_000 });
		await shot(page, 'form-checkout-form.png');
	} finally {
		await browser.close();
		await suite.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
