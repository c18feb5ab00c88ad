#!/usr/bin/env node
// The `creditlens` command (npm bin). The sources are TypeScript; tsx (a runtime dependency) loads them, so a
// checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
