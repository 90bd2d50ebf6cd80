import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	ACTION_NODE_TYPE,
	CREDENTIAL_TYPE,
	PACKAGE_NAME,
	TOOL_NODE_TYPE,
	TRIGGER_NODE_TYPE,
} from '../../scripts/lib/paywire';
import { startSuite, type E2eSuite } from './support/suite';

describe('the packed tarball in a real n8n', () => {
	let suite: E2eSuite;
	before(async () => {
		suite = await startSuite('listed');
	});
	after(async () => await suite?.stop());

	it('is installed under .n8n/nodes with its runtime dependency and no sources', () => {
		const installed = join(suite.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			assert.ok(existsSync(join(installed, file)), `${file} is in the tarball`);
		}
		assert.ok(existsSync(join(suite.userFolder, '.n8n', 'nodes', 'node_modules', 'zod')), 'zod installed');
		assert.equal(existsSync(join(installed, 'nodes')), false, 'TypeScript sources are not shipped');
	});

	it('lists the action node, the trigger, the AI tool variant and the credential', async () => {
		const nodes = await suite.rest.nodeTypeNames();
		assert.ok(nodes.includes(ACTION_NODE_TYPE), `${ACTION_NODE_TYPE} listed`);
		assert.ok(nodes.includes(TRIGGER_NODE_TYPE), `${TRIGGER_NODE_TYPE} listed`);
		assert.ok(nodes.includes(TOOL_NODE_TYPE), `${TOOL_NODE_TYPE} listed (usableAsTool)`);
		const credentials = await suite.rest.credentialTypeNames();
		assert.ok(credentials.includes(CREDENTIAL_TYPE), `${CREDENTIAL_TYPE} listed`);
	});

	it('logged no error loading the package', () => {
		const log = suite.n8n.readLog();
		const problems = log
			.split('\n')
			.filter((line) => line.includes(PACKAGE_NAME) && /error|fail/i.test(line));
		assert.deepEqual(problems, []);
	});
});
