/**
 * The rule registry: every file of rules/ is listed here once (checked by rules/registry.test.ts). The engine
 * (engine/assess.ts) calls the rules in dependency order; this list is what the UI shows as "the rules".
 */
import type { RuleInfo } from '../engine/rule.ts';
import { rule as r1 } from './r1-severity.ts';
import { rule as r2 } from './r2-publicity.ts';
import { rule as r3 } from './r3-repair.ts';
import { rule as r4 } from './r4-repeat-offender.ts';
import { rule as r5 } from './r5-serious-candidate.ts';
import { rule as r6 } from './r6-domain.ts';
import { rule as r7 } from './r7-abnormal-list.ts';
import { rule as r8 } from './r8-serious-list.ts';

export const RULES: readonly RuleInfo[] = [r1, r2, r3, r4, r5, r6, r7, r8];
