/**
 * Turns a Stripe `*Params` type (resolved by the TypeScript checker over the installed `stripe`
 * package) into the compact ParamSchema of test/emulator/validation/schema.ts: parameter names,
 * required ones, scalar types, enum values, arrays, hashes; `Emptyable<T>` becomes `e: 1`.
 * Each named interface is emitted once into `defs` and referenced by name.
 */
import path from 'node:path';

import ts from 'typescript';

import type { ObjectDefinition, ParamSchema } from '../../test/emulator/validation/schema';

/**
 * TypeScript has one `number`; Stripe's API has integers (amounts, counts, timestamps) and a few
 * decimals. The decimal ones are named so (`*_percent`, `percent_off`, `*_decimal`) — everything else
 * numeric is an integer, as in Stripe's OpenAPI spec.
 */
const DECIMAL_NAME = /(^|_)(percent|percent_off|decimal)$|_percent$/;

export class ParamSchemaBuilder {
	readonly defs: Record<string, ObjectDefinition> = {};

	constructor(
		private readonly checker: ts.TypeChecker,
		private readonly resourcesDir: string,
	) {}

	/** The definition name of a params type node (`PaymentIntents:PaymentIntentCreateParams`). */
	root(node: ts.TypeNode): string {
		const schema = this.schemaOf(this.checker.getTypeFromTypeNode(node), 'params');
		if (schema.t !== 'object') throw new Error(`params type is not an interface: ${schema.t}`);
		return schema.n;
	}

	private nameOf(symbol: ts.Symbol): string {
		const qualified = this.checker.getFullyQualifiedName(symbol);
		const match = /^"([^"]+)"\.(.+)$/.exec(qualified);
		if (!match) return qualified;
		const file = path.relative(this.resourcesDir, match[1]).split(path.sep).join('/');
		return `${file.replace(/^\.\.\//, '')}:${match[2]}`;
	}

	private schemaOf(type: ts.Type, name: string): ParamSchema {
		if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { t: 'any' };
		if (type.isUnion()) return this.unionOf(type.types, name);
		if (type.flags & ts.TypeFlags.StringLiteral) {
			return { t: 'enum', v: [(type as ts.StringLiteralType).value] };
		}
		if (type.flags & ts.TypeFlags.String) return { t: 'string' };
		if (type.isIntersection()) {
			// `OtherString` = string & {}: any string.
			if (type.types.some((part) => part.flags & ts.TypeFlags.String)) return { t: 'string' };
		}
		if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) {
			return { t: DECIMAL_NAME.test(name) ? 'number' : 'integer' };
		}
		if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { t: 'boolean' };
		if (this.checker.isArrayType(type)) {
			const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
			return { t: 'array', i: this.schemaOf(item, name) };
		}
		if (type.flags & ts.TypeFlags.Object) return this.objectOf(type, name);
		return { t: 'any' };
	}

	private unionOf(members: ts.Type[], name: string): ParamSchema {
		let emptyable = false;
		const rest: ts.Type[] = [];
		for (const member of members) {
			if (member.flags & ts.TypeFlags.Undefined) continue;
			// stripe-node sends null as '' (unset), as it does Emptyable's ''.
			if (member.flags & ts.TypeFlags.Null) emptyable = true;
			else if (member.isStringLiteral() && member.value === '') emptyable = true;
			else rest.push(member);
		}
		const literals = rest.filter((member) => member.isStringLiteral());
		const booleans = rest.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
		const others = rest.filter(
			(member) => !member.isStringLiteral() && !(member.flags & ts.TypeFlags.BooleanLiteral),
		);
		const options: ParamSchema[] = [];
		// Stripe's types add `| OtherString` (string & {}) to enums for forward compatibility of the
		// client; the API at this version takes only the listed values.
		const isOtherString = (member: ts.Type) =>
			member.isIntersection() && member.types.some((part) => part.flags & ts.TypeFlags.String);
		const hasString = others.some(
			(member) => !isOtherString(member) && this.schemaOf(member, name).t === 'string',
		);
		if (literals.length > 0 && !hasString) {
			const values = literals.map((member) => (member as ts.StringLiteralType).value);
			options.push({ t: 'enum', v: values.sort() });
		}
		if (booleans.length > 0) options.push({ t: 'boolean' });
		for (const member of others) {
			if (literals.length > 0 && isOtherString(member)) continue;
			const schema = this.schemaOf(member, name);
			if (!options.some((option) => JSON.stringify(option) === JSON.stringify(schema))) {
				options.push(schema);
			}
		}
		const schema: ParamSchema = options.length === 1 ? options[0] : { t: 'union', o: options };
		return emptyable ? { ...schema, e: 1 } : schema;
	}

	private objectOf(type: ts.Type, name: string): ParamSchema {
		const properties = this.checker.getPropertiesOfType(type);
		// A class such as Decimal (methods only) is sent as its string form.
		if (type.getCallSignatures().length > 0) return { t: 'any' };
		if (properties.some((property) => property.flags & ts.SymbolFlags.Method)) {
			return { t: 'string' };
		}
		const index = type.getStringIndexType();
		if (index && properties.length === 0) return { t: 'map', m: this.schemaOf(index, name) };
		const symbol = type.aliasSymbol ?? type.getSymbol();
		const defName =
			symbol && symbol.name !== '__type' ? this.nameOf(symbol) : `${name}:${properties.length}`;
		if (this.defs[defName]) return { t: 'object', n: defName };
		const definition: ObjectDefinition = { p: {} };
		this.defs[defName] = definition;
		const required: string[] = [];
		for (const property of properties) {
			const declaration = property.valueDeclaration ?? property.declarations?.[0];
			if (!declaration) continue;
			const propertyType = this.checker.getTypeOfSymbolAtLocation(property, declaration);
			definition.p[property.name] = this.schemaOf(propertyType, property.name);
			if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
		}
		if (required.length > 0) definition.r = required;
		return { t: 'object', n: defName };
	}
}
