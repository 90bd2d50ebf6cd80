import { pollUntil } from '../../../scripts/lib/wait';

/**
 * A buyer's browser, reduced to the HTTP requests n8n's form pages (form-trigger.handlebars,
 * form-trigger-completion.handlebars in n8n 2.40.7) and the emulator's hosted checkout make.
 */

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&quot;': '"',
	'&#x27;': "'",
	'&#39;': "'",
	'&#x3D;': '=',
	'&#x60;': '`',
	'&lt;': '<',
	'&gt;': '>',
};
const unescapeHtml = (text: string) => text.replace(/&(amp|quot|#x27|#39|#x3D|#x60|lt|gt);/g, (e) => ENTITIES[e]);

async function getHtml(url: string): Promise<string> {
	const response = await fetch(url, { headers: { accept: 'text/html' } });
	const html = await response.text();
	if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${html.slice(0, 300)}`);
	return html;
}

export interface SubmittedForm {
	/** The labels of every input the form showed, in order. */
	labels: string[];
	/** `formWaitingUrl`: where the browser goes next (the execution waits at the form ending). */
	waitingUrl: string;
}

/** Opens the form, fills each field by its label, submits it the way the page's script does. */
export async function fillAndSubmitForm(formUrl: string, answers: Record<string, string>): Promise<SubmittedForm> {
	const html = await getHtml(formUrl);
	const fields = new Map<string, string>();
	for (const [, id, label] of html.matchAll(/<label class='form-label[^']*' for='(field-\d+)'>([^<]*)<\/label>/g)) {
		fields.set(unescapeHtml(label).trim(), id);
	}
	const body = new FormData();
	for (const [label, value] of Object.entries(answers)) {
		const id = fields.get(label);
		if (!id) throw new Error(`the form has no field labelled "${label}" (it has ${[...fields.keys()].join(', ')})`);
		body.append(id, value);
	}
	const response = await fetch(formUrl, { method: 'POST', body });
	const text = await response.text();
	if (response.status !== 200) throw new Error(`form POST: ${response.status} ${text.slice(0, 300)}`);
	const { formWaitingUrl } = JSON.parse(text) as { formWaitingUrl?: string };
	if (!formWaitingUrl) throw new Error(`form POST answered without formWaitingUrl: ${text.slice(0, 300)}`);
	return { labels: [...fields.keys()], waitingUrl: formWaitingUrl };
}

/**
 * Waits until the execution reaches the form ending (the page polls `/n8n-execution-status`), opens
 * the ending page, posts to it as its script does (that resumes and finishes the execution), and
 * returns the URL the page then navigates to: the ending's "Redirect to URL".
 */
export async function followFormEnding(waitingUrl: string): Promise<string> {
	const statusUrl = new URL(waitingUrl);
	statusUrl.pathname += '/n8n-execution-status';
	await pollUntil(
		async () => ((await (await fetch(statusUrl)).text()).trim() === 'form-waiting' ? true : undefined),
		{ timeoutMs: 60_000, intervalMs: 250, description: `${waitingUrl} to wait at the form ending` },
	);
	const html = await getHtml(waitingUrl);
	const link = html.match(/<a id='redirectUrl' href='([^']*)'/);
	if (!link) throw new Error(`the form ending page has no redirect: ${html.slice(0, 500)}`);
	const resume = await fetch(waitingUrl, { method: 'POST', body: '{}' });
	await resume.arrayBuffer();
	if (resume.status !== 200) throw new Error(`form ending POST answered ${resume.status}`);
	return unescapeHtml(link[1]);
}

/** Pays on the emulator's hosted checkout page with a test payment method; returns where it lands. */
export async function payOnHostedCheckout(checkoutUrl: string, choice: string): Promise<string> {
	const html = await getHtml(checkoutUrl);
	if (!html.includes(`value="${choice}"`)) throw new Error(`the checkout page offers no "${choice}"`);
	const response = await fetch(checkoutUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ choice }).toString(),
		redirect: 'manual',
	});
	await response.arrayBuffer();
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`paying answered ${response.status}`);
	return location;
}
