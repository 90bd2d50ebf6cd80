import type { FormParams } from './form';
import { invalidRequest } from './errors';
import { readLimit } from './pagination';
import { optionalString, requireString } from './params';
import type { Scope, StripeObject } from './state';

/**
 * Stripe's Search API over one resource: `field:'value'`, `metadata['key']:'value'`, numeric
 * `>`, `<`, `>=`, `<=`, a leading `-` for negation, clauses joined by AND or by OR (not both).
 * Answers `{ object: 'search_result', data, has_more, next_page, url }`; `page` is the cursor.
 * Stripe's search index lags writes (up to about a minute); `lagMs` models that.
 */
interface Clause {
	negate: boolean;
	field: string;
	metadataKey?: string;
	operator: ':' | '>' | '<' | '>=' | '<=';
	value: string;
}

const CLAUSE =
	/^(-)?(?:metadata\[(?:'([^']*)'|"([^"]*)")\]|([a-z_.]+))\s*(>=|<=|:|>|<)\s*(?:'([^']*)'|"([^"]*)"|(-?[0-9.]+))$/;

export function parseQuery(query: string, allowedFields: string[], resource: string): Clause[] {
	const hasAnd = / AND /.test(query);
	const hasOr = / OR /.test(query);
	if (hasAnd && hasOr) {
		throw invalidRequest('Search queries cannot mix AND and OR.', { param: 'query' });
	}
	const parts = query.split(/ AND | OR /).map((part) => part.trim());
	const clauses = parts.map((part) => {
		const match = CLAUSE.exec(part);
		if (!match) {
			throw invalidRequest(`Invalid query: could not parse \`${part}\`.`, { param: 'query' });
		}
		const metadataKey = match[2] ?? match[3];
		const field = metadataKey !== undefined ? 'metadata' : match[4];
		if (!allowedFields.includes(field)) {
			throw invalidRequest(
				`Field \`${field}\` is an unsupported search field for resource \`${resource}\`. See http://stripe.com/docs/search#query-fields-for-${resource.replace(/_/g, '-')} for a list of supported fields.`,
				{ param: 'query' },
			);
		}
		const value = match[6] ?? match[7] ?? match[8];
		return { negate: match[1] === '-', field, metadataKey, operator: match[5], value } as Clause;
	});
	return Object.assign(clauses, { or: hasOr });
}

function matches(object: StripeObject, clause: Clause): boolean {
	let actual: unknown =
		clause.metadataKey !== undefined
			? (object.metadata as Record<string, string> | null)?.[clause.metadataKey]
			: object[clause.field];
	if (clause.field === 'customer' && typeof actual === 'object' && actual !== null) {
		actual = (actual as { id?: string }).id;
	}
	let result: boolean;
	if (clause.operator === ':') {
		result =
			actual !== undefined &&
			actual !== null &&
			String(actual).toLowerCase() === clause.value.toLowerCase();
	} else {
		const number = Number(actual);
		const target = Number(clause.value);
		if (clause.operator === '>') result = number > target;
		else if (clause.operator === '<') result = number < target;
		else if (clause.operator === '>=') result = number >= target;
		else result = number <= target;
	}
	return clause.negate ? !result : result;
}

export function searchResponse(
	scope: Scope,
	params: FormParams,
	objectName: string,
	resource: string,
	allowedFields: string[],
	lagMs: number,
) {
	const query = requireString(params, 'query');
	const clauses = parseQuery(query, allowedFields, resource) as Clause[] & { or?: boolean };
	const limit = readLimit(params);
	const page = optionalString(params, 'page');
	const offset = page ? Number(Buffer.from(page, 'base64url').toString('utf8')) || 0 : 0;
	const visibleBefore = Date.now() - lagMs;
	const hits = scope.list(objectName, (object) => {
		if ((scope.createdAtMs.get(object.id) ?? 0) > visibleBefore) return false;
		return clauses.or
			? clauses.some((clause) => matches(object, clause))
			: clauses.every((clause) => matches(object, clause));
	});
	const data = hits.slice(offset, offset + limit);
	const hasMore = hits.length > offset + limit;
	return {
		object: 'search_result',
		data,
		has_more: hasMore,
		next_page: hasMore ? Buffer.from(String(offset + limit)).toString('base64url') : null,
		url: `/v1/${resource}/search`,
	};
}
