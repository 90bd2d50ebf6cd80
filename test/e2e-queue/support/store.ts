import type { N8nRest } from '../../../scripts/lib/n8nRest';

/** Trigger parameters and credentials for one duplicate store. */
export interface StoreChoice {
	label: string;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

/** "This n8n only": the trigger's default (the workflow's static data). */
export const LOCAL_STORE: StoreChoice = {
	label: 'this n8n only (default)',
	parameters: {},
	credentials: {},
};

/** "Shared store": a Redis on loopback, through a Redis credential created over REST. */
export async function sharedStore(rest: N8nRest, redisPort: number): Promise<StoreChoice> {
	const credential = await rest.createCredential('Queue Redis', 'redis', {
		host: '127.0.0.1',
		port: redisPort,
		database: 0,
	});
	return {
		label: 'shared store (Redis)',
		parameters: { duplicateStore: 'redis' },
		credentials: { redis: { id: credential.id, name: credential.name } },
	};
}
