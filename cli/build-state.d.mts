/** Types of build-state.mjs (plain JavaScript: the bin loads it before any TypeScript loader). */
export declare const ROOT: string;
export declare const BUILD_DIR: string;
export declare function freshBuild(root?: string): string | null;
