import type { FormParams } from './form';
import { invalidRequest } from './errors';
import { clone } from './fixtures';
import { stringArray } from './params';
import type { Scope } from './state';

/**
 * Generic `expand[]`: replaces id strings with the objects they name, following dotted paths and
 * `data.` inside lists (at most four levels, as Stripe allows). Fields that a resource expands itself
 * (checkout line_items) are left to that resource and ignored here.
 */
export function applyExpand(
	scope: Scope,
	params: FormParams,
	body: unknown,
	handled: string[] = [],
) {
	const paths = stringArray(params, 'expand') ?? [];
	if (paths.length === 0 || typeof body !== 'object' || body === null) return body;
	const copy = clone(body) as Record<string, unknown>;
	for (const path of paths) {
		if (handled.includes(path)) continue;
		const segments = path.split('.');
		if (segments.length > 4) {
			throw invalidRequest(
				`You cannot expand more than 4 levels of a property. Property: ${path}`,
				{ param: 'expand', beforeExecution: true },
			);
		}
		expandAt(scope, copy, segments, path);
	}
	return copy;
}

function expandAt(scope: Scope, node: Record<string, unknown>, segments: string[], path: string) {
	const [head, ...rest] = segments;
	if (node.object === 'list' && head === 'data' && Array.isArray(node.data)) {
		for (const item of node.data) {
			if (typeof item === 'object' && item !== null && rest.length > 0) {
				expandAt(scope, item as Record<string, unknown>, rest, path);
			}
		}
		return;
	}
	if (!(head in node)) {
		throw invalidRequest(
			`This property cannot be expanded (${path}). You may want to try expanding 'data.${path}' instead.`,
			{ param: 'expand', beforeExecution: true },
		);
	}
	let value = node[head];
	if (typeof value === 'string') {
		const found = scope.find(value);
		if (found) {
			value = clone(found);
			node[head] = value;
		}
	}
	if (rest.length > 0 && typeof value === 'object' && value !== null) {
		expandAt(scope, value as Record<string, unknown>, rest, path);
	}
}
