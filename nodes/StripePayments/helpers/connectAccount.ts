import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PaymentInputError } from '../../../core/errors';
import { executedTriggerItemsOf, triggerItemOf } from './triggerLineage';

/** The node's Connect field: which Stripe account each item's calls act on (docs/trigger.md). */
export const connectOption: INodeProperties = {
	displayName: 'Connect',
	name: 'connect',
	type: 'collection',
	placeholder: 'Set Connect Account',
	default: {},
	description:
		'Stripe Connect: the account the calls act on (sent as Stripe-Account). By default, an item from a connected account’s event acts on that account.',
	options: [
		{
			displayName: 'Account',
			name: 'account',
			type: 'options',
			default: 'automatic',
			options: [
				{
					name: 'Automatic',
					value: 'automatic',
					description:
						'The connected account of the Stripe event the item came from, else the credential’s Connect Account ID, else your platform account',
				},
				{
					name: 'Platform Account',
					value: 'platform',
					description: 'Your own account, even for items from a connected account’s event',
				},
				{
					name: 'Connected Account ID',
					value: 'connected',
					description: 'The account you enter below, whatever the event or the credential says',
				},
			],
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'acct_…',
			description: 'The connected account the calls act on',
			displayOptions: { show: { account: ['connected'] } },
		},
	],
};

interface ConnectSetting {
	account?: 'automatic' | 'platform' | 'connected';
	accountId?: string;
}

/** What the transport needs to pick `Stripe-Account` (core/stripe/connectAccount.ts decides). */
export interface ConnectAccountOfItem {
	stripeAccount?: string;
	stripeAccountField?: string;
	eventAccount?: string | null;
}

/** One lookup per node run and item: an operation may make several calls for one item. */
const eventAccounts = new WeakMap<object, Map<number, string | null>>();

/**
 * The Connect part of every call the node makes for item `itemIndex`: the node's Connect field
 * when set, else the account of the Stripe event the item came from (the item itself, or the
 * Stripe Payments Trigger item it descends from through paired items).
 */
export function connectAccountOf(this: IExecuteFunctions, itemIndex: number): ConnectAccountOfItem {
	const setting = this.getNodeParameter('connect', itemIndex, {}) as ConnectSetting;
	if (setting.account === 'platform') return { stripeAccount: '' };
	if (setting.account === 'connected') {
		return {
			stripeAccount: String(setting.accountId ?? ''),
			stripeAccountField: 'Connect › Account ID',
		};
	}
	let cache = eventAccounts.get(this);
	if (!cache) eventAccounts.set(this, (cache = new Map()));
	if (!cache.has(itemIndex)) cache.set(itemIndex, eventAccountOfItem.call(this, itemIndex));
	return { eventAccount: cache.get(itemIndex) ?? null };
}

/**
 * The account of the event item `itemIndex` came from: its own, else its trigger item's (paired
 * items), else, when the pairing is lost (Merge, Aggregate, Code), the one account of every event
 * the trigger emitted in this run. Events of different accounts with no pairing are refused: the
 * node cannot tell which account the item belongs to, and guessing could refund on the wrong one.
 */
function eventAccountOfItem(this: IExecuteFunctions, itemIndex: number): string | null {
	const own = eventAccountOf(this.getInputData()[itemIndex]?.json);
	if (own !== undefined) return own;
	const traced = eventAccountOf(triggerItemOf.call(this, itemIndex) ?? undefined);
	if (traced !== undefined) return traced;
	const accounts = new Set(
		executedTriggerItemsOf
			.call(this, itemIndex)
			.map((json) => eventAccountOf(json))
			.filter((account) => account !== undefined),
	);
	if (accounts.size <= 1) return [...accounts][0] ?? null;
	const named = [...accounts].map((account) => account ?? 'your platform account').join(', ');
	throw new PaymentInputError(
		'Connect › Account',
		`this item cannot be traced back to one Stripe event (a node in between, such as Merge, Aggregate or Code, dropped the item pairing), and this run’s events belong to different accounts (${named}); nothing was sent.`,
		'Set Connect › Account (Connected Account ID, or Platform Account) for these items, or keep each item paired with its event up to this node.',
	);
}

/**
 * The event's account when the item is an event: our trigger's output (`event.account`) or a raw
 * Stripe event object (`object: 'event'`, top-level `account`). Undefined: the item is no event.
 */
export function eventAccountOf(json: IDataObject | undefined): string | null | undefined {
	if (!json) return undefined;
	const event = json.event as IDataObject | undefined;
	if (event && typeof event === 'object' && typeof event.id === 'string') {
		return accountText(event.account);
	}
	if (json.object === 'event') return accountText(json.account);
	return undefined;
}

function accountText(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}
