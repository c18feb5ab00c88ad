/** `creditlens validate-id CODE`: prints {valid, kind, reason}; exit 0 when valid or a legacy number without a check digit, 1 otherwise. */
import { validateIdentifier } from '#core';
import { EXIT, InputError, type Io } from '../io.ts';

export function validateId(args: readonly string[], io: Io): number {
  const [code, ...rest] = args;
  if (code === undefined || rest.length > 0) throw new InputError(['usage: creditlens validate-id CODE']);
  const check = validateIdentifier(code);
  io.out(`${JSON.stringify(check)}\n`);
  // A legacy number (valid: null) is not a typing error: nothing to correct, so not a negative answer.
  return check.valid === false ? EXIT.negative : EXIT.ok;
}
