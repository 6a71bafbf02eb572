// orgsim's version: package.json's, put in by the build.
declare const __ORGSIM_VERSION__: string;
export const VERSION = typeof __ORGSIM_VERSION__ === 'string' ? __ORGSIM_VERSION__ : '0.0.0-dev';
