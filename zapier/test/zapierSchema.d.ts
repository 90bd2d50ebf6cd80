// zapier-platform-schema and core's schema tools ship without type declarations.
declare module 'zapier-platform-schema' {
	export function validateAppDefinition(definition: object): {
		errors: Array<{ property: string; message: string; stack: string }>;
	};
}

declare module 'zapier-platform-core/src/tools/schema' {
	/** What the CLI does before validating: resolves resources, then replaces functions by markers. */
	export function compileApp(app: object): object;
	export function serializeApp(compiledApp: object): Record<string, unknown>;
}
