/**
 * Generates test/emulator/validation/stripeParams.generated.json: for every route the Stripe
 * emulator serves (test/emulator/resources), the parameters Stripe allows — nested, with their
 * types, required names and enum values — read from the installed `stripe` package's type
 * definitions with the TypeScript compiler API, so a new `stripe` version updates the emulator's
 * validation with it. Run after upgrading `stripe`:
 *   node --import tsx scripts/generate-emulator-params.ts
 * test/emulator/validation/generated.test.ts regenerates it and fails when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import { registerAll } from '../test/emulator/resources';
import type { Router } from '../test/emulator/router';
import type { GeneratedParams } from '../test/emulator/validation/schema';
import { ParamSchemaBuilder } from './lib/paramSchema';
import { findStripeMethods, paramsTypeNode, routeShape } from './lib/stripeRoutes';

export const GENERATED_PARAMS_PATH = path.join(
	__dirname,
	'..',
	'test',
	'emulator',
	'validation',
	'stripeParams.generated.json',
);

function stripePackageDir(): string {
	return path.dirname(path.dirname(require.resolve('stripe')));
}

/** `METHOD /v1/template` of every API route the emulator registers. */
export function emulatorRoutes(): string[] {
	const routes: string[] = [];
	const recorder = {
		add(method: string, template: string) {
			if (template.startsWith('/v1/')) routes.push(`${method} ${template}`);
			return recorder;
		},
		get: (template: string) => recorder.add('GET', template),
		post: (template: string) => recorder.add('POST', template),
		delete: (template: string) => recorder.add('DELETE', template),
	};
	registerAll(recorder as unknown as Router);
	return routes;
}

export function generateParams(packageDir = stripePackageDir()): GeneratedParams {
	const version = (
		JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
	).version;
	const methods = findStripeMethods(packageDir);
	const routes = emulatorRoutes();
	const wanted = routes.flatMap((route) => {
		const [method, template] = route.split(' ');
		const found = methods.get(routeShape(method, template));
		return found ? [{ route, found }] : [];
	});
	const files = [...new Set(wanted.map(({ found }) => found.declarationFile))];
	const program = ts.createProgram(files, {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		types: [],
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.NodeNext,
		moduleResolution: ts.ModuleResolutionKind.NodeNext,
	});
	const checker = program.getTypeChecker();
	const builder = new ParamSchemaBuilder(checker, path.join(packageDir, 'cjs', 'resources'));
	const result: GeneratedParams = { stripe: version, routes: {}, unmatched: [], defs: {} };
	for (const route of routes) {
		const entry = wanted.find((candidate) => candidate.route === route);
		const source = entry && program.getSourceFile(entry.found.declarationFile);
		const node = entry && source && paramsTypeNode(source, entry.found);
		if (!node) result.unmatched.push(route);
		else result.routes[route] = builder.root(node);
	}
	const names = Object.keys(builder.defs).sort();
	for (const name of names) result.defs[name] = builder.defs[name];
	return result;
}

/** One definition per line: reviewable diffs when stripe changes a parameter. */
export function renderParams(params = generateParams()): string {
	const lines = (record: Record<string, unknown>) =>
		Object.entries(record)
			.map(([key, value]) => `\t\t${JSON.stringify(key)}: ${JSON.stringify(value)}`)
			.join(',\n');
	return `{
\t"stripe": ${JSON.stringify(params.stripe)},
\t"routes": {
${lines(params.routes)}
\t},
\t"unmatched": ${JSON.stringify(params.unmatched)},
\t"defs": {
${lines(params.defs)}
\t}
}
`;
}

if (require.main === module) {
	writeFileSync(GENERATED_PARAMS_PATH, renderParams());
	process.stdout.write(`wrote ${path.relative(process.cwd(), GENERATED_PARAMS_PATH)}\n`);
}
