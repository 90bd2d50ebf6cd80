import { startStripeEmulator } from './index';
import { encodeForm } from './testClient';

/**
 * How many API requests per second the emulator answers (capacity, so benchmarks know it is not
 * their bottleneck). Not a test and not a benchmark with an anchor:
 *   node --import tsx test/emulator/measure.ts [payments=2000] [concurrency=20]
 * Each payment is a PaymentIntent create+confirm and a refund, both with idempotency keys.
 */
async function main(): Promise<void> {
	const payments = Number(process.argv[2] ?? 2000);
	const concurrency = Number(process.argv[3] ?? 20);
	const emulator = await startStripeEmulator({ rateLimitPerSecond: 0 });
	const post = async (path: string, params: Record<string, unknown>, key: string) => {
		const response = await fetch(`${emulator.url}${path}`, {
			method: 'POST',
			headers: {
				Authorization: 'Bearer sk_test_123',
				'Content-Type': 'application/x-www-form-urlencoded',
				'Idempotency-Key': key,
			},
			body: encodeForm(params),
		});
		return (await response.json()) as { id: string };
	};
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < payments) {
				const index = next++;
				const intent = await post(
					'/v1/payment_intents',
					{
						amount: 1000,
						currency: 'usd',
						payment_method: 'pm_card_visa',
						confirm: true,
						allowed_payment_method_types: ['card'],
					},
					`pi-${index}`,
				);
				await post('/v1/refunds', { payment_intent: intent.id }, `re-${index}`);
			}
		}),
	);
	const elapsedMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const requests = payments * 2;
	console.log(
		`${requests} POSTs at concurrency ${concurrency}: ${elapsedMs.toFixed(0)} ms, ` +
			`${(requests / (elapsedMs / 1000)).toFixed(0)} requests/s, ` +
			`${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} ms CPU per request (client and emulator in one process)`,
	);
	await emulator.stop();
}

void main();
