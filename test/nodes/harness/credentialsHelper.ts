import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper } from 'n8n-workflow';

export type CredentialClass = new () => ICredentialType;
export type TestCredentials = Record<string, ICredentialDataDecryptedObject>;

/**
 * Serves test credentials to the engine the way n8n's CLI CredentialsHelper does (contract of
 * n8n-workflow 2.40.1's ICredentialsHelper), without a database or encryption: credentials are
 * kept in memory per type, and a declarative `authenticate` is applied for real by resolving its
 * expressions with the workflow's own expression engine.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	/** Every request that went through `authenticate`, after authentication (for assertions). */
	readonly authenticatedRequests: IHttpRequestOptions[] = [];

	constructor(
		credentialClasses: CredentialClass[],
		private readonly credentials: TestCredentials,
	) {
		super();
		for (const CredentialClass of credentialClasses) {
			const type = new CredentialClass();
			this.types.set(type.name, type);
		}
	}

	private typeNamed(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Harness: unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some(
			(name) => nodeType === name || nodeType.endsWith(`.${name}`),
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeNamed(typeName);
		let request = incoming as IHttpRequestOptions;
		if (typeof authenticate === 'function') {
			request = await authenticate(credentials, request);
		} else if (authenticate?.type === 'generic') {
			if (!workflow || !node)
				throw new Error('Harness: declarative authentication needs workflow and node');
			const resolve = (value: string) => {
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved === undefined || resolved === null ? '' : String(resolved);
			};
			const target = request as unknown as Record<string, Record<string, unknown> | undefined>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				const resolvedSection = { ...(target[section] ?? {}) };
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					resolvedSection[resolve(key)] = resolve(value);
				}
				target[section] = resolvedSection;
			}
		}
		this.authenticatedRequests.push(request);
		return request;
	}

	/** Like n8n: runs `preAuthentication` when the type's expirable property is empty or expired. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeNamed(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		this.credentials[typeName] = { ...this.credentials[typeName], ...output };
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeNamed(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		return new StoredTestCredentials(nodeCredentials, type, this);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return this.dataFor(type);
	}

	/** A copy with the type's defaults filled in, as n8n does for fields the user left untouched. */
	dataFor(type: string): ICredentialDataDecryptedObject {
		const stored = this.credentials[type];
		if (!stored) throw new Error(`Harness: no test credentials given for "${type}"`);
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) defaults[property.name] = property.default as string;
		}
		return structuredClone({ ...defaults, ...stored });
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = { ...this.credentials[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.types.get(type)?.properties ?? [];
		const inherited = (this.types.get(type)?.extends ?? []).flatMap((parent) =>
			this.getCredentialsProperties(parent),
		);
		const ownNames = new Set(own.map((property) => property.name));
		return [...inherited.filter((property) => !ownNames.has(property.name)), ...own];
	}
}

/** The stored-credential object n8n hands out from getCredentials, backed by the helper's map. */
class StoredTestCredentials extends ICredentials {
	constructor(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		private readonly helper: HarnessCredentialsHelper,
	) {
		super(nodeCredentials, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return this.helper.dataFor(this.type);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		await this.helper.updateCredentials({ id: this.id ?? null, name: this.name }, this.type, data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>): Promise<void> {
		const current = this.helper.dataFor(this.type);
		await this.setData({ ...current, ...toUpdate } as ICredentialDataDecryptedObject);
	}
}
