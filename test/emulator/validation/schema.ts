/**
 * The shape of test/emulator/validation/stripeParams.generated.json: for each route the emulator
 * serves, the parameters Stripe's own type definitions allow (scripts/generate-emulator-params.ts).
 * Kept short on purpose (the file holds thousands of definitions): `t` kind, `e` may be sent as ''
 * (Stripe's `Emptyable`: an attempt to unset), `v` enum values, `i` array item, `o` union options,
 * `n` name of an object definition in `defs`, `m` map value (metadata-like hashes).
 */
export type ParamSchema =
	| { t: 'string' | 'integer' | 'number' | 'boolean' | 'any'; e?: 1 }
	| { t: 'enum'; v: string[]; e?: 1 }
	| { t: 'array'; i: ParamSchema; e?: 1 }
	| { t: 'object'; n: string; e?: 1 }
	| { t: 'map'; m: ParamSchema; e?: 1 }
	| { t: 'union'; o: ParamSchema[]; e?: 1 };

/** An object's parameters (`p`) and the names among them Stripe requires (`r`). */
export interface ObjectDefinition {
	p: Record<string, ParamSchema>;
	r?: string[];
}

export interface GeneratedParams {
	/** The stripe package version the file was generated from. */
	stripe: string;
	/** `POST /v1/payment_intents/:intent` (the emulator's template) → definition name. */
	routes: Record<string, string>;
	/** Emulator routes with no matching method in the stripe package (not validated). */
	unmatched: string[];
	defs: Record<string, ObjectDefinition>;
}
