/** The running Osprey version, from package.json (set by npm for npm scripts, else a fallback). */
export const appVersion: string = process.env.npm_package_version ?? '0.1.0';
