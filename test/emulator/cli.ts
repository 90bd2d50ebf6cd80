import { startStripeEmulator, type StripeEmulatorOptions } from './index';

/**
 * Runs the emulator for another process:
 *   node --import tsx test/emulator/cli.ts --port 12111 [--host 127.0.0.1] [--latency-ms 0]
 *     [--rate-limit 25] [--rate-limit-live 100] [--rate-limit-window-ms 1000] [--webhook-retry-delays 200,1000,5000]
 *     [--seed 1 --fail-500 0.1 --fail-reset 0.1 --fail-reset-after 0.05 --fail-429 0.05 --fail-lock 0.05]
 * Prints one line `STRIPE_EMULATOR_URL=http://127.0.0.1:12111` on stdout once it listens, then
 * logs nothing else there. Stops on SIGINT/SIGTERM.
 */
function parseArgs(argv: string[]): Record<string, string> {
	const args: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [name, inline] = arg.slice(2).split('=', 2);
		if (inline !== undefined) args[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[name] = argv[++i];
		else args[name] = 'true';
	}
	return args;
}

function numberArg(args: Record<string, string>, name: string): number | undefined {
	if (args[name] === undefined) return undefined;
	const value = Number(args[name]);
	if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`);
	return value;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const testLimit = numberArg(args, 'rate-limit');
	const liveLimit = numberArg(args, 'rate-limit-live');
	const options: StripeEmulatorOptions = {
		port: numberArg(args, 'port') ?? 12111,
		host: args.host ?? '127.0.0.1',
		latencyMs: numberArg(args, 'latency-ms'),
		rateLimitPerSecond: { test: testLimit ?? 25, live: liveLimit ?? 100 },
		rateLimitWindowMs: numberArg(args, 'rate-limit-window-ms'),
		webhookRetryDelaysMs: args['webhook-retry-delays']?.split(',').map(Number),
	};
	const faultFlags = [
		'fail-500',
		'fail-reset',
		'fail-reset-after',
		'fail-429',
		'fail-lock',
		'seed',
	];
	if (faultFlags.some((flag) => args[flag] !== undefined)) {
		options.faults = {
			seed: numberArg(args, 'seed'),
			error500: numberArg(args, 'fail-500'),
			reset: numberArg(args, 'fail-reset'),
			resetAfter: numberArg(args, 'fail-reset-after'),
			rateLimit429: numberArg(args, 'fail-429'),
			lockTimeout429: numberArg(args, 'fail-lock'),
		};
	}
	const emulator = await startStripeEmulator(options);
	process.stdout.write(`STRIPE_EMULATOR_URL=${emulator.url}\n`);
	const stop = () => {
		emulator.stop().finally(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`stripe emulator: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
