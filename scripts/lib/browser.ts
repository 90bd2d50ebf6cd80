import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PLAYWRIGHT_VERSION = '1.65.1';
const CHROMIUM = '/usr/bin/chromium';

/** Minimal surface of playwright-core that the screenshot script uses. */
export interface Page {
	goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
	waitForSelector(selector: string, options?: { timeout?: number; state?: string }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
	dblclick(selector: string, options?: { timeout?: number }): Promise<void>;
	click(selector: string, options?: { timeout?: number }): Promise<void>;
	keyboard: { press(key: string): Promise<void> };
	locator(selector: string): { count(): Promise<number>; first(): { click(): Promise<void> } };
	evaluate<T>(fn: () => T): Promise<T>;
}
export interface Browser {
	newContext(options: Record<string, unknown>): Promise<{
		addCookies(cookies: Array<Record<string, unknown>>): Promise<void>;
		newPage(): Promise<Page>;
	}>;
	close(): Promise<void>;
}

/**
 * Headless Chromium from Debian's package (installed with apt-get when missing) driven by
 * playwright-core, which lives in a cache outside the project (no browser download). Playwright
 * gives every launch a fresh, throw-away profile.
 */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		console.log('paywire: installing chromium (apt-get)');
		execFileSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], {
			stdio: 'inherit',
		});
	}
	const toolsDir = join(process.env.PAYWIRE_CACHE ?? join(homedir(), '.cache', 'paywire'), 'screenshot-tools');
	if (!existsSync(join(toolsDir, 'node_modules', 'playwright-core'))) {
		mkdirSync(toolsDir, { recursive: true });
		writeFileSync(join(toolsDir, 'package.json'), '{"name":"paywire-screenshot-tools","private":true}');
		execFileSync('npm', ['install', '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`], {
			cwd: toolsDir,
			stdio: 'inherit',
			env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
		});
	}
	const require = createRequire(join(toolsDir, 'package.json'));
	const { chromium } = require('playwright-core') as {
		chromium: { launch(options: Record<string, unknown>): Promise<Browser> };
	};
	return await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}
