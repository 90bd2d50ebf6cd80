import type { FormParams, FormValue } from './form';
import { invalidRequest, parameterMissing } from './errors';

/** Typed readers over parsed form params, raising Stripe's validation errors. */
export function optionalString(params: FormParams, name: string): string | undefined {
	const value = params[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string') {
		throw invalidRequest(`Invalid string: ${name}`, { param: name, beforeExecution: true });
	}
	return value;
}

export function requireString(params: FormParams, name: string): string {
	const value = optionalString(params, name);
	if (value === undefined || value === '') throw parameterMissing(name);
	return value;
}

export function optionalInteger(params: FormParams, name: string): number | undefined {
	const value = optionalString(params, name);
	if (value === undefined || value === '') return undefined;
	if (!/^-?\d+$/.test(value)) {
		throw invalidRequest(`Invalid integer: ${value}`, {
			param: name,
			code: 'parameter_invalid_integer',
			beforeExecution: true,
		});
	}
	return Number(value);
}

export function requireInteger(params: FormParams, name: string): number {
	const value = optionalInteger(params, name);
	if (value === undefined) throw parameterMissing(name);
	return value;
}

export function optionalBoolean(params: FormParams, name: string): boolean | undefined {
	const value = optionalString(params, name);
	if (value === undefined || value === '') return undefined;
	if (value !== 'true' && value !== 'false') {
		throw invalidRequest(`Invalid boolean: ${value}`, { param: name, beforeExecution: true });
	}
	return value === 'true';
}

export function optionalObject(
	params: FormParams,
	name: string,
): { [key: string]: FormValue } | undefined {
	const value = params[name];
	if (value === undefined || value === '') return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw invalidRequest(`Invalid hash`, { param: name, beforeExecution: true });
	}
	return value;
}

export function optionalArray(params: FormParams, name: string): FormValue[] | undefined {
	const value = params[name];
	if (value === undefined || value === '') return undefined;
	if (!Array.isArray(value)) {
		throw invalidRequest(`Invalid array`, { param: name, beforeExecution: true });
	}
	return value;
}

export function stringArray(params: FormParams, name: string): string[] | undefined {
	const values = optionalArray(params, name);
	if (!values) return undefined;
	return values.filter((value): value is string => typeof value === 'string');
}

export function requireOneOf<T extends string>(
	params: FormParams,
	name: string,
	allowed: readonly T[],
	fallback?: T,
): T {
	const value = optionalString(params, name);
	if (value === undefined || value === '') {
		if (fallback !== undefined) return fallback;
		throw parameterMissing(name);
	}
	if (!(allowed as readonly string[]).includes(value)) {
		throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(', ')}`, {
			param: name,
			beforeExecution: true,
		});
	}
	return value as T;
}

/**
 * Stripe's metadata update semantics: keys merge into the existing set, a key set to '' is removed,
 * and `metadata=''` clears everything. At most 50 keys, keys ≤ 40 and values ≤ 500 characters.
 */
export function applyMetadata(
	current: Record<string, string>,
	params: FormParams,
	name = 'metadata',
): Record<string, string> {
	const value = params[name];
	if (value === undefined) return current;
	if (value === '') return {};
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw invalidRequest('Invalid hash', { param: name, beforeExecution: true });
	}
	const next = { ...current };
	for (const [key, entry] of Object.entries(value)) {
		if (typeof entry !== 'string') continue;
		if (key.length > 40 || entry.length > 500) {
			throw invalidRequest(
				'Metadata keys can be up to 40 characters long and values up to 500 characters long.',
				{ param: `${name}[${key}]`, beforeExecution: true },
			);
		}
		if (entry === '') delete next[key];
		else next[key] = entry;
	}
	if (Object.keys(next).length > 50) {
		throw invalidRequest('Metadata can have up to 50 keys.', {
			param: name,
			beforeExecution: true,
		});
	}
	return next;
}
