// PLACEHOLDER written by the payments engineer so the router compiles; the ops engineer owns this
// file and replaces it with the real resource (operation selector + one module per operation,
// re-exported by operation value: see the pattern at the top of actions/router.ts).
import type { INodeProperties } from 'n8n-workflow';

export const description: INodeProperties[] = [];
