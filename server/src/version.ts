/** The version of confnotes, written once: package.json's, put in by the build (scripts/build.mjs). */
declare const CONFNOTES_VERSION: string | undefined;

// Run from the sources (the tests, through tsx) there is no build to put it in.
export const VERSION: string = typeof CONFNOTES_VERSION === 'string' ? CONFNOTES_VERSION : 'development';
