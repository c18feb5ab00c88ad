import * as z from 'zod';
import { isIsoDate } from '../lib/dates.ts';

/** A calendar date 'YYYY-MM-DD' that exists (no 2023-02-30). */
export const IsoDateString = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date as YYYY-MM-DD' });
