import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { invalidRequest, parameterMissing, type StripeApiError } from '../errors';
import type { FormParams, FormValue } from '../form';
import type { GeneratedParams, ObjectDefinition, ParamSchema } from './schema';

/**
 * Stripe's request validation, driven by the definitions generated from the `stripe` package's
 * types (stripeParams.generated.json): unknown parameters at any depth, missing required ones,
 * empty strings for parameters that cannot be unset, integers, booleans and enum values — each
 * answered with Stripe's error shape and the parameter named as Stripe names it (`a[0][b]`).
 */
let generated: GeneratedParams | undefined;

export function generatedParams(): GeneratedParams {
	generated ??= JSON.parse(
		readFileSync(join(__dirname, 'stripeParams.generated.json'), 'utf8'),
	) as GeneratedParams;
	return generated;
}

type Hash = { [key: string]: FormValue };

/** `['line_items', '0', 'price_data']` → `line_items[0][price_data]`. */
export function paramName(path: readonly string[]): string {
	return (
		path[0] +
		path
			.slice(1)
			.map((segment) => `[${segment}]`)
			.join('')
	);
}

function oneOf(values: string[]): string {
	if (values.length < 2) return values.join('');
	return `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}`;
}

function invalid(path: readonly string[], message: string, code?: string): StripeApiError {
	return invalidRequest(message, { param: paramName(path), code, beforeExecution: true });
}

function shown(value: FormValue): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function checkScalar(schema: ParamSchema, value: string, path: readonly string[]): void {
	switch (schema.t) {
		case 'integer':
			if (!/^-?\d+$/.test(value)) {
				throw invalid(path, `Invalid integer: ${value}`, 'parameter_invalid_integer');
			}
			return;
		case 'number':
			if (!/^-?\d+(\.\d+)?$/.test(value)) throw invalid(path, `Invalid decimal: ${value}`);
			return;
		case 'boolean':
			if (value !== 'true' && value !== 'false') throw invalid(path, `Invalid boolean: ${value}`);
			return;
		case 'enum':
			if (!schema.v.includes(value)) {
				throw invalid(path, `Invalid ${paramName(path)}: must be one of ${oneOf(schema.v)}`);
			}
			return;
		default:
			return;
	}
}

/** Which kind of form value an option takes: a string, a hash or a list. */
function shapeOf(schema: ParamSchema): 'string' | 'hash' | 'list' | 'any' {
	if (schema.t === 'any') return 'any';
	if (schema.t === 'object' || schema.t === 'map') return 'hash';
	if (schema.t === 'array') return 'list';
	return 'string';
}

function valueShape(value: FormValue): 'string' | 'hash' | 'list' {
	if (typeof value === 'string') return 'string';
	return Array.isArray(value) ? 'list' : 'hash';
}

function checkValue(schema: ParamSchema, value: FormValue, path: readonly string[]): void {
	if (value === '') {
		if (schema.e || schema.t === 'any') return;
		const name = paramName(path);
		throw invalid(
			path,
			`You passed an empty string for '${name}'. We assume empty values are an attempt to unset a parameter; however '${name}' cannot be unset. You should remove '${name}' from your request or supply a non-empty value.`,
			'parameter_invalid_empty',
		);
	}
	if (schema.t === 'any') return;
	if (schema.t === 'union') return checkUnion(schema.o, value, path);
	const expected = shapeOf(schema);
	const actual = valueShape(value);
	if (expected !== actual) {
		// Stripe reads `a[0]=x&a[1]=y` and `a[]=x` as lists; a hash with index keys became a list above.
		const kind = { string: 'string', hash: 'hash', list: 'array', any: 'value' }[expected];
		throw invalid(path, `Invalid ${kind}: ${shown(value)}`);
	}
	if (typeof value === 'string') return checkScalar(schema, value, path);
	if (Array.isArray(value)) {
		const item = (schema as { i: ParamSchema }).i;
		value.forEach((entry, index) => checkValue(item, entry, [...path, String(index)]));
		return;
	}
	if (schema.t === 'map') {
		for (const [key, entry] of Object.entries(value)) checkValue(schema.m, entry, [...path, key]);
		return;
	}
	if (schema.t === 'object') checkObject(definition(schema.n), value, path);
}

function checkUnion(options: ParamSchema[], value: FormValue, path: readonly string[]): void {
	const shape = valueShape(value);
	const fitting = options.filter((option) => [shape, 'any'].includes(shapeOf(option)));
	if (fitting.length === 0) return checkValue(options[0], value, path);
	let first: unknown;
	for (const option of fitting) {
		try {
			checkValue(option, value, path);
			return;
		} catch (error) {
			first ??= error;
		}
	}
	throw first;
}

function definition(name: string): ObjectDefinition {
	const found = generatedParams().defs[name];
	if (!found) throw new Error(`stripeParams.generated.json has no definition ${name}`);
	return found;
}

function checkObject(def: ObjectDefinition, value: Hash, path: readonly string[]): void {
	for (const key of Object.keys(value)) {
		if (def.p[key] === undefined) {
			const name = paramName([...path, key]);
			throw invalid([...path, key], `Received unknown parameter: ${name}`, 'parameter_unknown');
		}
	}
	for (const key of def.r ?? []) {
		if (value[key] === undefined) throw parameterMissing(paramName([...path, key]));
	}
	for (const [key, entry] of Object.entries(value)) checkValue(def.p[key], entry, [...path, key]);
}

/** Throws Stripe's 400 for the first parameter of the request Stripe would refuse. */
export function validateAgainstStripeTypes(routeKey: string, params: FormParams): void {
	const name = generatedParams().routes[routeKey];
	if (name) checkObject(definition(name), params, []);
}
