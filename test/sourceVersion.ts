/**
 * Run from the sources there is no build to put package.json's version in (server/src/version.ts):
 * the tests put it where the build would.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

(globalThis as { CONFNOTES_VERSION?: string }).CONFNOTES_VERSION = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
