#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx lede` works in a checkout with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/lede.ts');
process.exitCode = await main(process.argv.slice(2));
