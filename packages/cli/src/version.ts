import packageJson from '../package.json';

/** The version of @kinerja/cli, read from its package.json at build time. */
export const version: string = packageJson.version;
