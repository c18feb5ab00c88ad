/** Types of build-state.mjs (plain JavaScript: the bins load it before any TypeScript loader). */
export const ROOT: string;
export const BUILD_DIR: string;
export const SERVER_BUILD_DIR: string;
export function freshBuild(root?: string, buildDir?: string): string | null;
