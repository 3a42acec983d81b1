import fs from 'node:fs';
import path from 'node:path';

// Server code only (it reads a file). Not marked 'server-only' because the demo seed,
// run by plain Node through tsx, checks its password here too.
const LIST_FILE = path.join(process.cwd(), 'lib', 'passwords', 'common-passwords.txt');

export const COMMON_PASSWORD_ERROR = 'This password is on a list of common passwords that attackers try first. Choose another: a few unrelated words make a good one.';

let list: Set<string> | undefined;

/** The list (README.md beside this file), read once per process: about 50,000 lower-cased passwords. */
export function commonPasswords(): ReadonlySet<string> {
  if (!list) {
    const lines = fs.readFileSync(LIST_FILE, 'utf8').split('\n');
    // The header runs to the first empty line; a password may itself start with '#'.
    const start = lines.indexOf('') + 1;
    list = new Set(lines.slice(start).filter((line) => line.length > 0));
  }
  return list;
}

/** Whether a password is on the list, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
