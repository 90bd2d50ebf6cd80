/** Zapier wraps an app error's message, code and status as JSON in the message. */
export function zapierErrorOf(error: unknown): { message: string; code?: string; status?: number } {
	const text = error instanceof Error ? error.message : String(error);
	try {
		return JSON.parse(text) as { message: string; code?: string; status?: number };
	} catch {
		return { message: text };
	}
}
