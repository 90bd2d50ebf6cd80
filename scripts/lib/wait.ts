/** Bounded polling: every loop in the harness ends by count and by time. */
export interface PollOptions {
	timeoutMs: number;
	intervalMs?: number;
	description: string;
}

export const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `probe` until it returns a value other than undefined, or throws after the timeout. */
export async function pollUntil<T>(
	probe: () => Promise<T | undefined>,
	{ timeoutMs, intervalMs = 250, description }: PollOptions,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	const maxAttempts = Math.ceil(timeoutMs / intervalMs) + 1;
	let lastError: unknown;
	for (let attempt = 0; attempt < maxAttempts && Date.now() <= deadline; attempt++) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		await delay(intervalMs);
	}
	const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
}
