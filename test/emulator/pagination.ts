import type { FormParams } from './form';
import { invalidRequest } from './errors';
import { optionalInteger, optionalString } from './params';
import type { StripeObject } from './state';

/** Stripe list objects: `{ object: 'list', data, has_more, url }` with limit/starting_after/ending_before. */
export function listResponse(params: FormParams, items: StripeObject[], url: string) {
	const limit = readLimit(params);
	const startingAfter = optionalString(params, 'starting_after');
	const endingBefore = optionalString(params, 'ending_before');
	let window = items;
	if (startingAfter) {
		const index = items.findIndex((item) => item.id === startingAfter);
		if (index === -1) throw cursorMissing(startingAfter, 'starting_after');
		window = items.slice(index + 1);
	} else if (endingBefore) {
		const index = items.findIndex((item) => item.id === endingBefore);
		if (index === -1) throw cursorMissing(endingBefore, 'ending_before');
		window = items.slice(Math.max(0, index - limit), index);
		return { object: 'list', data: window, has_more: index - limit > 0, url };
	}
	return { object: 'list', data: window.slice(0, limit), has_more: window.length > limit, url };
}

export function readLimit(params: FormParams): number {
	const limit = optionalInteger(params, 'limit') ?? 10;
	if (limit < 1 || limit > 100) {
		throw invalidRequest(
			'This value must be greater than or equal to 1 and less than or equal to 100.',
			{ param: 'limit', beforeExecution: true },
		);
	}
	return limit;
}

function cursorMissing(id: string, param: string) {
	return invalidRequest(`No such object: '${id}'`, {
		param,
		code: 'resource_missing',
		status: 400,
		beforeExecution: true,
	});
}

/** Range filters like `created[gte]=…` or `created=…`. */
export function matchesRange(value: unknown, filter: unknown): boolean {
	if (filter === undefined) return true;
	if (typeof value !== 'number') return false;
	if (typeof filter === 'string') return value === Number(filter);
	if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return true;
	const range = filter as Record<string, string>;
	if (range.gt !== undefined && !(value > Number(range.gt))) return false;
	if (range.gte !== undefined && !(value >= Number(range.gte))) return false;
	if (range.lt !== undefined && !(value < Number(range.lt))) return false;
	if (range.lte !== undefined && !(value <= Number(range.lte))) return false;
	return true;
}
