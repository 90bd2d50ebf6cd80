import { emulatorControl } from '../../../scripts/lib/emulator';
import { delay } from '../../../scripts/lib/wait';

export interface EndpointState {
	webhookEndpoints: number;
	endpoints: Array<{ id: string; url: string; enabled_events: string[]; metadata: Record<string, string> }>;
}

export async function endpointState(emulatorUrl: string): Promise<EndpointState> {
	return await emulatorControl<EndpointState>(emulatorUrl, 'GET', 'state');
}

/**
 * n8n answers a deactivation before it has run the trigger's `delete` (it finishes a moment
 * later), so the count is read once it reaches `expected` or after 15 s, whichever is first; the
 * caller asserts on what it returns.
 */
export async function settledEndpointCount(emulatorUrl: string, expected: number): Promise<number> {
	let count = -1;
	for (let attempt = 0; attempt < 60; attempt++) {
		count = (await endpointState(emulatorUrl)).webhookEndpoints;
		if (count === expected) return count;
		await delay(250);
	}
	return count;
}
