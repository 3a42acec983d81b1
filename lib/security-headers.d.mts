export type Header = { key: string; value: string };
export const READER_POLICY: string;
export const COMMON_HEADERS: Header[];
export const READER_HEADERS: Header[];
export const STAFF_PATH_PATTERN: RegExp;
export function scriptHash(source: string): string;
export function dashboardPolicy(nonce: string, hashes?: string[]): string;
export function newNonce(): string;
export function hstsHeader(env?: Record<string, string | undefined>): string | null;
