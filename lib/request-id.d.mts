import type { IncomingMessage, ServerResponse } from 'node:http';
export function trustedProxyHops(value?: string): number;
export function requestIdFor(incoming: string | string[] | undefined, env?: Record<string, string | undefined>): string;
export function assignRequestId(req: IncomingMessage, res: ServerResponse, env?: Record<string, string | undefined>): string;
