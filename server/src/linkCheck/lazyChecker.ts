/**
 * The online checker carries its HTTP client (undici, about half a megabyte minified), and most
 * sessions never check a link online: it is loaded the first time one is checked, so starting the
 * server or the CLI never pays for it. The build bundles it as a file of its own
 * (scripts/build.mjs); from source, this is a plain import.
 */
import type { checkLinks as CheckLinks } from './linkChecker';

export const checkLinks: typeof CheckLinks = async (...args) => (await import('./linkChecker')).checkLinks(...args);
