import { pollUntil } from '../../../scripts/lib/wait';

/**
 * n8n registers a production webhook a moment after activation answers; until then it says 404.
 * Probes with an unsigned POST (our trigger answers 4xx to it and starts nothing).
 */
export async function waitForWebhook(url: string): Promise<void> {
	await pollUntil(
		async () => {
			const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
			await response.arrayBuffer();
			return response.status === 404 ? undefined : true;
		},
		{ timeoutMs: 30_000, intervalMs: 200, description: `webhook ${url} to be registered` },
	);
}
