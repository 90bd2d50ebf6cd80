import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import Redis from 'ioredis';

/**
 * Connections to the shared duplicate store, one per Redis configuration per process, reused by
 * every delivery (a connection per delivery would cost a TCP handshake, and AUTH, per event).
 * The configuration comes from n8n's own Redis credential type (`redis`), the one queue mode's
 * users already have.
 */

/** How long a delivery waits for Redis before it is answered 503 (Stripe retries). */
const COMMAND_TIMEOUT_MS = 2000;

export interface RedisTarget {
	host: string;
	port: number;
	database: number;
	user: string;
	password: string;
	ssl: boolean;
	verifyTls: boolean;
}

interface Connection {
	client: Redis;
	lastError?: string;
}

const connections = new Map<string, Connection>();

export function redisTargetOf(credential: ICredentialDataDecryptedObject): RedisTarget {
	const text = (value: unknown, fallback: string) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
	return {
		host: text(credential.host, 'localhost'),
		port: number(credential.port, 6379),
		database: number(credential.database, 0),
		user: text(credential.user, ''),
		password: typeof credential.password === 'string' ? credential.password : '',
		ssl: credential.ssl === true,
		verifyTls: credential.disableTlsVerification !== true,
	};
}

export function redisClientFor(target: RedisTarget): Redis {
	const id = JSON.stringify(target);
	const existing = connections.get(id);
	if (existing) return existing.client;
	const client = new Redis({
		host: target.host,
		port: target.port,
		db: target.database,
		username: target.user || undefined,
		password: target.password || undefined,
		tls: target.ssl ? { rejectUnauthorized: target.verifyTls } : undefined,
		connectTimeout: COMMAND_TIMEOUT_MS,
		commandTimeout: COMMAND_TIMEOUT_MS,
		maxRetriesPerRequest: 1,
		connectionName: 'paywire-duplicate-store',
	});
	const connection: Connection = { client };
	// Without a listener ioredis prints every reconnect failure; the last one goes into the 503's message.
	client.on('error', (error: Error) => {
		connection.lastError = error.message;
	});
	connections.set(id, connection);
	return client;
}

/** What the 503 says when the store did not answer: where it looked, why, and what to fix. */
export function unreachableMessage(target: RedisTarget, error: unknown): string {
	const lastError = connections.get(JSON.stringify(target))?.lastError;
	const message = error instanceof Error ? error.message : String(error);
	const reason =
		lastError && lastError !== message
			? `${message} (last connection error: ${lastError})`
			: message;
	return (
		`The shared duplicate store (Redis at ${target.host}:${target.port}, database ` +
		`${target.database}) did not answer: ${reason}. Check that Redis is running and that the ` +
		'Redis credential selected in the Stripe Payments Trigger (host, port, user, password, SSL) ' +
		'reaches it. Stripe will deliver this event again.'
	);
}

/** For tests: close every connection this process opened. */
export async function closeRedisConnections(): Promise<void> {
	const open = [...connections.values()];
	connections.clear();
	await Promise.all(
		open.map(async ({ client }) => await client.quit().catch(() => client.disconnect())),
	);
}
