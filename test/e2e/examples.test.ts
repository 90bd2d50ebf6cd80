import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { emulatorControl } from '../../scripts/lib/emulator';
import { REPO_ROOT } from '../../scripts/lib/n8nCache';
import { CREDENTIAL_TYPE, EXAMPLE_CREDENTIAL, TRIGGER_NODE_TYPE } from '../../scripts/lib/paywire';
import { settledEndpointCount } from './support/endpoints';
import { importExamples } from './support/examples';
import { startSuite, type E2eSuite } from './support/suite';

interface ExampleWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ type: string; credentials?: Record<string, { id: string; name: string }> }>;
}

const examplesDir = join(REPO_ROOT, 'docs', 'examples');
const examples = readdirSync(examplesDir)
	.filter((name) => name.endsWith('.json'))
	.map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as ExampleWorkflow,
	}));

describe('every example workflow in docs/examples imports and activates', () => {
	let suite: E2eSuite;
	const endpoints = async () =>
		(await emulatorControl<{ webhookEndpoints: number }>(suite.emulator.url, 'GET', 'state'))
			.webhookEndpoints;

	before(async () => {
		suite = await startSuite('examples', {
			// What `npm start` does: the Paywire credential the examples name, then the CLI import.
			beforeStart: async (userFolder, emulator) => {
				const output = await importExamples(userFolder, emulator.url, examplesDir);
				assert.match(output, new RegExp(`Successfully imported ${examples.length} workflows`));
			},
		});
	});
	after(async () => await suite?.stop());

	it('there are the five promised examples, inactive, with fixed ids and the shared credential', () => {
		assert.ok(examples.length >= 5, `${examples.length} examples`);
		for (const { file, workflow } of examples) {
			assert.equal(workflow.active, false, `${file} is inactive`);
			assert.match(workflow.id, /^[A-Za-z0-9]{16}$/, `${file} has a fixed id`);
			const paywire = workflow.nodes.flatMap((node) => Object.entries(node.credentials ?? {}));
			for (const [type, reference] of paywire.filter(([type]) => type === CREDENTIAL_TYPE)) {
				assert.deepEqual(reference, EXAMPLE_CREDENTIAL, `${file}: ${type} reference`);
			}
		}
	});

	for (const { file, workflow } of examples) {
		it(`${file} activates`, async () => {
			await suite.rest.activate(workflow.id);
			const status = await suite.rest.publicationStatus(workflow.id);
			assert.equal(status.status, 'published');
		});
	}

	it('each active example trigger holds exactly one endpoint; deactivating frees them all', async () => {
		const triggers = examples.filter(({ workflow }) =>
			workflow.nodes.some((node) => node.type === TRIGGER_NODE_TYPE),
		);
		assert.equal(await endpoints(), triggers.length);
		for (const { workflow } of examples) await suite.rest.deactivate(workflow.id);
		assert.equal(await settledEndpointCount(suite.emulator.url, 0), 0);
	});
});
