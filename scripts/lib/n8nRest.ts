import { isN8nV1, requireFromN8n } from './n8nCache';
import { pollUntil } from './wait';

export const OWNER = {
	email: 'owner@paywire.test',
	firstName: 'Paywire',
	lastName: 'Owner',
	password: 'Paywire-local-1',
};

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
}

/** n8n's internal REST API (/rest/...), used the way the editor does, with the owner's cookie. */
export class N8nRest {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]+/);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		if (!response.ok) {
			throw new Error(`n8n ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		}
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	/** Sets up the owner on a fresh instance, or logs in when the owner exists already. */
	async signIn(): Promise<void> {
		try {
			await this.request('POST', '/rest/owner/setup', OWNER);
		} catch {
			await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			});
		}
	}

	get authCookie(): string {
		return this.cookie;
	}

	async nodeTypeNames(): Promise<string[]> {
		const types = await this.request<Array<{ name: string }>>('GET', '/types/nodes.json');
		return types.map((type) => type.name);
	}

	async credentialTypeNames(): Promise<string[]> {
		const types = await this.request<Array<{ name: string }>>('GET', '/types/credentials.json');
		return types.map((type) => type.name);
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>) {
		return await this.request<{ id: string; name: string }>('POST', '/rest/credentials', {
			name,
			type,
			data,
		});
	}

	async createWorkflow(workflow: WorkflowJson): Promise<{ id: string; versionId: string }> {
		return await this.request('POST', '/rest/workflows', { ...workflow, active: false });
	}

	async getWorkflow(id: string) {
		return await this.request<{ id: string; versionId: string; active: boolean }>(
			'GET',
			`/rest/workflows/${id}`,
		);
	}

	async updateWorkflow(id: string, changes: Partial<WorkflowJson>) {
		const current = await this.request<Record<string, unknown>>('GET', `/rest/workflows/${id}`);
		return await this.request<{ id: string; versionId: string }>('PATCH', `/rest/workflows/${id}`, {
			...changes,
			versionId: current.versionId,
		});
	}

	/** Publishes the current version; resolves once n8n reports every trigger activated. */
	async activate(id: string): Promise<void> {
		const { versionId } = await this.getWorkflow(id);
		const activated = await this.request<{ active?: boolean }>(
			'POST',
			`/rest/workflows/${id}/activate`,
			{ versionId },
		);
		// n8n 1.x activates before it answers (a failing trigger is a 400) and has no publication status.
		if (isN8nV1()) {
			if (activated.active !== true) throw new Error(`workflow ${id} did not activate`);
			return;
		}
		const status = await pollUntil(
			async () => {
				const current = await this.publicationStatus(id);
				return current.status === 'in_progress' ? undefined : current;
			},
			{ timeoutMs: 60_000, intervalMs: 200, description: `publication of workflow ${id}` },
		);
		const failed = status.triggers.filter((trigger) => trigger.status !== 'activated');
		if (status.status !== 'published' || failed.length > 0) {
			throw new Error(`workflow ${id} did not activate: ${JSON.stringify(status)}`);
		}
	}

	async deactivate(id: string): Promise<void> {
		await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	async publicationStatus(id: string) {
		return await this.request<{
			status: string;
			triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
		}>('GET', `/rest/workflows/${id}/publication-status`);
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.request<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=250`,
		);
		return page.results;
	}

	/** How many executions of the workflow finished with `status` (n8n counts them server-side). */
	async finishedExecutionCount(workflowId: string, status = 'success'): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: [status] }));
		const page = await this.request<{ count: number }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=1`,
		);
		return page.count;
	}

	/** The full run data of one execution (n8n stores it `flatted`-encoded). */
	async executionData(id: string): Promise<ExecutionRunData> {
		const execution = await this.request<{ data: string; status: string }>(
			'GET',
			`/rest/executions/${id}`,
		);
		const flatted = requireFromN8n<{ parse: (text: string) => unknown }>('flatted');
		return { status: execution.status, ...(flatted.parse(execution.data) as object) } as ExecutionRunData;
	}
}

export interface ExecutionRunData {
	status: string;
	resultData: {
		error?: { message: string };
		runData: Record<
			string,
			Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>
		>;
	};
}

/** The JSON items a node produced on one output in its first run. */
export function nodeOutput(run: ExecutionRunData, nodeName: string, output = 0) {
	const runs = run.resultData.runData[nodeName];
	if (!runs?.length) return [];
	return (runs[0].data?.main?.[output] ?? []).map((item) => item.json);
}
