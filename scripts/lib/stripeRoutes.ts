/**
 * Where each Stripe API route is declared in the installed `stripe` package: its resource classes
 * (cjs/resources/**.js) call `this._makeRequest('POST', `/v1/payment_intents/${…}`, params, …)`,
 * and the matching .d.ts declares the method with its `params` type. Used by
 * scripts/generate-emulator-params.ts; read with the TypeScript parser, never by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

export interface StripeMethod {
	/** `.d.ts` file declaring the class. */
	declarationFile: string;
	className: string;
	methodName: string;
}

/** `POST /v1/payment_intents/*`: a path with every id segment replaced by `*`. */
export function routeShape(method: string, template: string): string {
	return `${method} ${template.replace(/:[A-Za-z_]+/g, '*')}`;
}

function resourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return resourceFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

function pathShape(node: ts.Expression): string | null {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	if (!ts.isTemplateExpression(node)) return null;
	return node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join('');
}

/** Every `_makeRequest` call of every resource class, keyed by route shape. */
export function findStripeMethods(packageDir: string): Map<string, StripeMethod> {
	const found = new Map<string, StripeMethod>();
	for (const file of resourceFiles(path.join(packageDir, 'cjs', 'resources'))) {
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
		const visit = (node: ts.Node, className: string, methodName: string): void => {
			if (ts.isClassDeclaration(node) && node.name) className = node.name.text;
			if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) methodName = node.name.text;
			if (
				ts.isCallExpression(node) &&
				ts.isPropertyAccessExpression(node.expression) &&
				node.expression.name.text === '_makeRequest' &&
				node.arguments.length >= 2 &&
				ts.isStringLiteral(node.arguments[0])
			) {
				const shape = pathShape(node.arguments[1]);
				if (shape) {
					found.set(`${node.arguments[0].text} ${shape}`, {
						declarationFile: file.replace(/\.js$/, '.d.ts'),
						className,
						methodName,
					});
				}
			}
			node.forEachChild((child) => visit(child, className, methodName));
		};
		visit(source, '', '');
	}
	return found;
}

/** The declared type of the method's `params` parameter (first overload that has one). */
export function paramsTypeNode(
	source: ts.SourceFile,
	method: StripeMethod,
): ts.TypeNode | undefined {
	for (const statement of source.statements) {
		if (!ts.isClassDeclaration(statement) || statement.name?.text !== method.className) continue;
		for (const member of statement.members) {
			if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
			if (member.name.text !== method.methodName) continue;
			const params = member.parameters.find(
				(parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === 'params',
			);
			if (params?.type) return params.type;
		}
	}
	return undefined;
}
