/**
 * Draws the benchmark results (bench/results/*.json) as SVG bar charts in docs/images/, so the
 * README and docs can show them. Reads whatever results exist; a missing file is skipped.
 *   node --import tsx bench/plot.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Bar {
	label: string;
	value: number;
	/** Text printed at the end of the bar; defaults to the value. */
	note?: string;
	anchor?: boolean;
}

const root = join(__dirname, '..');
const results = join(root, 'bench', 'results');
const images = join(root, 'docs', 'images');

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A horizontal bar chart; the anchor bars are grey, ours are violet. */
export function barChart(title: string, subtitle: string, bars: Bar[]): string {
	const width = 760;
	const labelWidth = 250;
	const barArea = width - labelWidth - 110;
	const rowHeight = 30;
	const top = 62;
	const height = top + bars.length * rowHeight + 16;
	const max = Math.max(...bars.map((bar) => bar.value), Number.EPSILON);
	const rows = bars.map((bar, index) => {
		const y = top + index * rowHeight;
		const length = Math.max(2, (bar.value / max) * barArea);
		const colour = bar.anchor ? '#9aa0a6' : '#635bff';
		return [
			`<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end">${escapeXml(bar.label)}</text>`,
			`<rect x="${labelWidth}" y="${y + 5}" width="${length.toFixed(1)}" height="20" rx="3" fill="${colour}"/>`,
			`<text x="${labelWidth + length + 8}" y="${y + 19}">${escapeXml(bar.note ?? String(bar.value))}</text>`,
		].join('');
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
		` font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#1f2328">`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		`<text x="16" y="26" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
		`<text x="16" y="46" fill="#57606a">${escapeXml(subtitle)}</text>`,
		...rows,
		'</svg>',
		'',
	].join('\n');
}

function readResult(name: string): any {
	const path = join(results, name);
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function plotWebhookVerify(): string | undefined {
	const data = readResult('webhook-verify.json');
	if (!data?.results) return undefined;
	const bars: Bar[] = data.results.map((row: any) => {
		const perSecond = row.medianOpsPerSecond ?? row.opsPerSecond;
		const ratio = row.vsStripeMedian ?? row.vsStripe;
		return {
			label: row.name,
			value: perSecond,
			note: `${Math.round(perSecond).toLocaleString('en-US')}/s (${ratio.toFixed(2)}×)`,
			anchor: !String(row.name).startsWith('paywire'),
		};
	});
	return barChart(
		'Webhook verification throughput (higher is better)',
		`${data.bodyBytes}-byte event, median of ${data.rounds} rounds, ratio to stripe.webhooks.constructEvent`,
		bars,
	);
}

function plotBatch(): string | undefined {
	const data = readResult('batch.json');
	const modes = data?.results;
	if (!modes?.test || !modes?.live) return undefined;
	const bars: Bar[] = [];
	for (const mode of ['test', 'live'] as const) {
		const result = modes[mode];
		bars.push({
			label: `${mode} key: limit`,
			value: result.limitPerSecond,
			note: `${result.limitPerSecond}/s`,
			anchor: true,
		});
		bars.push({
			label: `${mode} key: Paywire batch`,
			value: result.ours.refundsPerSecond,
			note: `${result.ours.refundsPerSecond.toFixed(1)}/s (${result.fractionOfLimit} of limit)`,
		});
		bars.push({
			label: `${mode} key: one at a time`,
			value: result.oneAtATime.refundsPerSecond,
			note: `${result.oneAtATime.refundsPerSecond.toFixed(1)}/s`,
			anchor: true,
		});
	}
	return barChart(
		'300 refunds through the node (refunds per second)',
		`40 ms latency, the key mode's rate limit enforced; 429s in output: ${modes.test.rateLimitedInOutput + modes.live.rateLimitedInOutput}, duplicate refunds: ${modes.duplicateRefunds}`,
		bars,
	);
}

function plotE2eWebhook(): string | undefined {
	const data = readResult('e2e-webhook.json');
	const latency = data?.sequential?.latency;
	if (!latency) return undefined;
	const bars: Bar[] = [];
	for (const [target, stats] of Object.entries<any>(latency)) {
		const anchor = !target.toLowerCase().includes('paywire');
		bars.push({ label: `${target}: p50`, value: stats.p50Ms, note: `${stats.p50Ms} ms`, anchor });
		bars.push({ label: `${target}: p99`, value: stats.p99Ms, note: `${stats.p99Ms} ms`, anchor });
	}
	const rates = Object.entries<any>(data.sustained?.rate ?? {})
		.map(([target, rate]) => `${target} ${rate.perSecond}/s`)
		.join(', ');
	return barChart(
		'Webhook acknowledgement latency in a real n8n (lower is better)',
		`n8n ${data.n8n} (${data.defaultEngine ?? 'default'} engine), ${data.sequential.perTarget} deliveries each; fully processed: ${rates}`,
		bars,
	);
}

function plotQueueMode(): string | undefined {
	const data = readResult('queue-mode.json');
	const scaling = data?.throughput;
	if (!scaling?.oneProcessor) return undefined;
	const cost = data.storeCost;
	const bars: Bar[] = [
		{
			label: 'accepted, 1 webhook processor',
			value: scaling.oneProcessor.acceptedPerSecond,
			note: `${scaling.oneProcessor.acceptedPerSecond}/s`,
			anchor: true,
		},
		{
			label: 'accepted, 2 webhook processors',
			value: scaling.twoProcessors.acceptedPerSecond,
			note: `${scaling.twoProcessors.acceptedPerSecond}/s (${scaling.ratiosTwoOverOne.accepted}×)`,
		},
		{
			label: 'processed, 1 webhook processor',
			value: scaling.oneProcessor.processedPerSecond,
			note: `${scaling.oneProcessor.processedPerSecond}/s`,
			anchor: true,
		},
		{
			label: 'processed, 2 webhook processors',
			value: scaling.twoProcessors.processedPerSecond,
			note: `${scaling.twoProcessors.processedPerSecond}/s (${scaling.ratiosTwoOverOne.processed}×)`,
		},
	];
	if (cost) {
		const rates = cost.processedPerSecondOneProcessor;
		bars.push(
			{
				label: 'processed, 1, static data',
				value: rates.staticData,
				note: `${rates.staticData}/s`,
				anchor: true,
			},
			{
				label: 'processed, 1, shared store',
				value: rates.sharedStore,
				note: `${rates.sharedStore}/s (${cost.ratiosSharedOverStatic.processedPerSecond}×)`,
			},
		);
	}
	return barChart(
		'Stripe deliveries per second in n8n queue mode (higher is better)',
		`n8n ${data.n8n} queue mode, 2 workers, ${data.cpus} cores; rows 1–4 shared store; ratio to the grey bar above`,
		bars,
	);
}

const charts: Array<[string, () => string | undefined]> = [
	['bench-webhook-verify.svg', plotWebhookVerify],
	['bench-batch.svg', plotBatch],
	['bench-e2e-webhook.svg', plotE2eWebhook],
	['bench-queue-mode.svg', plotQueueMode],
];

if (require.main === module) {
	for (const [file, plot] of charts) {
		const svg = plot();
		if (!svg) {
			console.log(`skipped ${file}: no results`);
			continue;
		}
		writeFileSync(join(images, file), svg);
		console.log(`wrote docs/images/${file}`);
	}
}
