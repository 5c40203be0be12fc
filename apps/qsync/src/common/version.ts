import { readFileSync } from 'node:fs';

/** The version of the qsync program, from apps/qsync/package.json. */
export const qsyncVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
