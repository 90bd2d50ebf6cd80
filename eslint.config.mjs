import { config } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// Shipped code (core/, credentials/, nodes/) gets n8n's strict community-node profile (the one n8n Cloud
// verification uses). One deviation, explained in the README: `zod` is a runtime dependency.
// Tests, benchmarks, scripts and the Zapier app are not loaded by n8n; they get TypeScript's recommended rules.
const nonNodeCode = ['test/**', 'bench/**', 'scripts/**', 'zapier/**', 'docs/**', 'gulpfile.js'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'zapier/node_modules/**', 'zapier/lib/**', '.n8n-local/**'] },
	// A block with nothing but `ignores` is a global ignore in flat config: leave those as they are.
	...config.map((block) =>
		Object.keys(block).every((key) => key === 'ignores' || key === 'name')
			? block
			: { ...block, ignores: [...(block.ignores ?? []), ...nonNodeCode] },
	),
	{
		// core/ is platform-neutral (no n8n import): it throws PaymentError / PaymentInputError, which the
		// n8n transport and runPerItem turn into NodeApiError / NodeOperationError with the item index.
		files: ['core/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	{
		// The shared duplicate store talks to Redis through `ioredis`, a runtime dependency like zod
		// (README: why). Only these two files import it.
		files: ['core/dedupe/redisDuplicateStore.ts', 'nodes/StripePaymentsTrigger/redisConnection.ts'],
		rules: { '@n8n/community-nodes/no-restricted-imports': 'off' },
	},
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	...tseslint.config({
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'zapier/src/**/*.ts', 'zapier/test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	}),
];
