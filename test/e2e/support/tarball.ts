import { packProject } from '../../../scripts/lib/tarball';

let packed: Promise<string> | undefined;

/**
 * The tarball under test: scripts/e2e.sh packs once and passes PAYWIRE_TARBALL; a test file run
 * on its own packs the project itself (which builds dist/ first).
 */
export async function tarballUnderTest(): Promise<string> {
	const given = process.env.PAYWIRE_TARBALL;
	if (given) return given;
	packed ??= packProject();
	return await packed;
}
