import type { IncomingMessage, ServerResponse } from 'node:http';

export function fastPathEnabled(): boolean;
export function addressOfKey(key: string): string | null;
export function rememberAddress(key: string): void;
export function serveFromCache(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
