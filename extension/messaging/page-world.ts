/**
 * The boundary between the content script (isolated world) and its helper in the page's main world
 * (entrypoints/page-sender.ts), which sends the section requests with the page's own XMLHttpRequest so the site's
 * hooks add their token. Events on `document` carry JSON strings (objects do not cross worlds);
 * both sides parse what they receive. The page can see and forge these events: it learns nothing it does not
 * already serve, and a forged reply is just more untrusted page data, parsed like the rest.
 *
 * zod/mini, not zod: this file is all the page sender bundles, and it is injected into the site's own pages.
 */
import * as z from 'zod/mini';

/** Event names, suffixed with a per-page random channel id so two extensions or two frames never cross. */
export const REQUEST_EVENT = 'creditlens:request';
export const ABORT_EVENT = 'creditlens:abort';
export const REPLY_EVENT = 'creditlens:reply';

const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** Same-origin absolute paths only: never another host, never a protocol-relative `//host/…`. */
export const SamePath = z.string().check(z.maxLength(2048), z.regex(/^\/(?!\/)[^\s\\]*$/, "must be a path of the page's own origin"));

export const PageRequest = z.strictObject({ id: Id, path: SamePath, form: z.string().check(z.maxLength(4096)) });
export type PageRequest = z.infer<typeof PageRequest>;

export const PageAbort = z.strictObject({ id: Id });

export const PageReply = z.strictObject({
  id: Id,
  /** 0 when the request failed before an HTTP status (network error, aborted). */
  status: z.int().check(z.minimum(0), z.maximum(999)),
  body: z.string().check(z.maxLength(16 * 1024 * 1024)),
});
export type PageReply = z.infer<typeof PageReply>;

/** Reads an event detail string against a schema; null for anything else. */
export function readDetail<T>(schema: z.ZodMiniType<T>, detail: unknown): T | null {
  if (typeof detail !== 'string') return null;
  try {
    const parsed = schema.safeParse(JSON.parse(detail));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
