import * as os from 'node:os';
import * as path from 'node:path';

/** Where link verdicts are kept when no folder is named: the platform's cache folder, for the CLI and for editors other than VS Code. */
export function defaultCacheFolder(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'confnotes');
}
