import * as z from 'zod/mini';
import { isIsoDate } from '../lib/dates.ts';

/** A calendar date 'YYYY-MM-DD' that exists (no 2023-02-30). */
export const IsoDateString = z.string().check(z.refine(isIsoDate, { message: 'expected a calendar date as YYYY-MM-DD' }));
