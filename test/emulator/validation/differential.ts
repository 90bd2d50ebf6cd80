import { parseForm, type FormParams, type FormValue } from '../form';
import { registerAll } from '../resources';
import { Router } from '../router';
import { encodeForm } from '../testClient';
import type { RecordedRequest } from './recordingProxy';
import type { ObjectDefinition, ParamSchema } from './schema';
import { generatedParams, paramName } from './validate';

/**
 * The differential check of issue 12: every request the node or the Zapier app produced is sent
 * again with exactly one field broken, and the emulator must answer as Stripe does — 400,
 * invalid_request_error, `param` naming that field (and the code where Stripe has one).
 */
export interface Breakage {
	what: string;
	params: FormParams;
	param: string;
	code?: string;
}

type Hash = { [key: string]: FormValue };
const BOGUS = 'paywire_bogus';
const router = registerAll(new Router());

function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
function withValue(root: FormParams, path: string[], value: FormValue | undefined): FormParams {
	const copy = clone(root);
	let node: FormValue = copy;
	for (const segment of path.slice(0, -1)) node = (node as Hash)[segment];
	const last = path[path.length - 1];
	if (value === undefined) delete (node as Hash)[last];
	else (node as Hash)[last] = value;
	return copy;
}

function objectSchemaOf(schema: ParamSchema): ObjectDefinition | null {
	if (schema.t === 'object') return generatedParams().defs[schema.n];
	if (schema.t === 'union') {
		const option = schema.o.find((entry) => entry.t === 'object');
		return option ? objectSchemaOf(option) : null;
	}
	return null;
}

function scalarBreakages(
	root: FormParams,
	path: string[],
	schema: ParamSchema,
	value: string,
): Breakage[] {
	const param = paramName(path);
	const out: Breakage[] = [];
	const kinds = schema.t === 'union' ? schema.o.map((option) => option.t) : [schema.t];
	const key = path[path.length - 1];
	if (key === 'currency') {
		out.push({ what: 'unsupported currency', params: withValue(root, path, 'zzz'), param });
	} else if (kinds.includes('enum') || (kinds.includes('boolean') && !kinds.includes('string'))) {
		out.push({
			what: 'value outside the allowed set',
			params: withValue(root, path, BOGUS),
			param,
		});
	} else if (kinds.every((kind) => kind === 'integer')) {
		out.push({ what: 'not an integer', params: withValue(root, path, '12.5x'), param });
	}
	if (!schema.e && value !== '' && schema.t !== 'any') {
		out.push({
			what: 'empty string',
			params: withValue(root, path, ''),
			param,
			code: 'parameter_invalid_empty',
		});
	}
	return out;
}

function walk(root: FormParams, path: string[], def: ObjectDefinition, value: Hash): Breakage[] {
	const out: Breakage[] = [
		{
			what: 'unknown parameter',
			params: withValue(root, [...path, BOGUS], 'x'),
			param: paramName([...path, BOGUS]),
			code: 'parameter_unknown',
		},
	];
	for (const required of def.r ?? []) {
		// Leaving out the only key would leave an empty hash, which the form encoding drops whole.
		if (value[required] === undefined || Object.keys(value).length === 1) continue;
		out.push({
			what: 'required parameter left out',
			params: withValue(root, [...path, required], undefined),
			param: paramName([...path, required]),
			code: 'parameter_missing',
		});
	}
	for (const [key, entry] of Object.entries(value)) {
		const schema = def.p[key];
		if (schema) out.push(...breakValue(root, [...path, key], schema, entry));
	}
	return out;
}

function breakValue(
	root: FormParams,
	path: string[],
	schema: ParamSchema,
	value: FormValue,
): Breakage[] {
	if (typeof value === 'string') return scalarBreakages(root, path, schema, value);
	if (Array.isArray(value)) {
		const item = schema.t === 'array' ? schema.i : null;
		if (!item) return [];
		return value.flatMap((entry, index) => breakValue(root, [...path, String(index)], item, entry));
	}
	if (schema.t === 'map') {
		const [first] = Object.keys(value);
		if (first === undefined) return [];
		return [
			{
				what: 'nested hash in a map of strings',
				params: withValue(root, [...path, first], { nested: 'x' }),
				param: paramName([...path, first]),
			},
		];
	}
	const def = objectSchemaOf(schema);
	return def ? walk(root, path, def, value) : [];
}

/** The route template and definition of a recorded request, or null for control routes. */
export function routeOf(request: RecordedRequest): { key: string; params: FormParams } | null {
	const url = new URL(request.path, 'http://emulator.invalid');
	const match = router.match(request.method, url.pathname);
	if (!match) return null;
	const key = `${request.method} ${match.template}`;
	const params = parseForm(request.method === 'POST' ? request.body : url.search.slice(1));
	return generatedParams().routes[key] ? { key, params } : null;
}

export function breakagesOf(request: RecordedRequest): Breakage[] {
	const route = routeOf(request);
	if (!route) return [];
	const def = generatedParams().defs[generatedParams().routes[route.key]];
	return walk(route.params, [], def, route.params);
}

/** Sends each breakage to the emulator; returns a line per answer that is not Stripe's. */
export async function checkBreakages(
	baseUrl: string,
	request: RecordedRequest,
	apiKey = 'sk_test_123',
): Promise<{ sent: number; wrong: string[] }> {
	const url = new URL(request.path, 'http://emulator.invalid');
	const wrong: string[] = [];
	const breakages = breakagesOf(request);
	for (const breakage of breakages) {
		const form = encodeForm(breakage.params);
		const post = request.method === 'POST';
		const response = await fetch(`${baseUrl}${url.pathname}${post ? '' : `?${form}`}`, {
			method: request.method,
			headers: {
				Authorization: `Bearer ${apiKey}`,
				...(post ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
			},
			body: post ? form : undefined,
		});
		const body = (await response.json()) as {
			error?: { type?: string; param?: string; code?: string };
		};
		const error = body.error;
		const ok =
			response.status === 400 &&
			error?.type === 'invalid_request_error' &&
			error.param === breakage.param &&
			(breakage.code === undefined || error.code === breakage.code);
		if (!ok) {
			wrong.push(
				`${request.method} ${url.pathname} ${breakage.what} (${breakage.param}): ${response.status} ${JSON.stringify(error ?? body).slice(0, 200)}`,
			);
		}
	}
	return { sent: breakages.length, wrong };
}
