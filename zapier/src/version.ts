import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's version is package.json's, as Zapier expects. This file runs from src/ under tsx and
 * from lib/zapier/src/ once built, so the nearest package.json of this app is looked up.
 */
export function appVersion(from: string = __dirname): string {
	for (let directory = from; ; directory = dirname(directory)) {
		try {
			const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
				name?: string;
				version?: string;
			};
			if (manifest.name === 'paywire-zapier' && manifest.version) return manifest.version;
		} catch {
			// no package.json here: keep walking up
		}
		if (dirname(directory) === directory) throw new Error('paywire-zapier package.json not found');
	}
}
