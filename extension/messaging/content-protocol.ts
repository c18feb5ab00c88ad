/**
 * The part of the protocol (protocol.ts) a content script needs at run time: the answers to the requests it
 * sends, the refusal, and the frame token. In zod/mini and apart from protocol.ts so that the content scripts, which
 * load with every credit page, carry neither classic zod nor every other message's schema
 * (docs/adr/0005-overlay-first-paint.md); protocol.ts builds its contract from these same schemas.
 */
import * as z from 'zod/mini';

/** Which of the extension's frames shown inside credit pages: the notes frame or the person-link frame. */
export const FramePurpose = z.enum(['notes', 'links']);
export type FramePurpose = z.infer<typeof FramePurpose>;
/** A one-time frame token: 32 random bytes, base64url. */
export const FrameToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

const Ok = z.literal(true);

/** The answers to what content scripts ask (protocol.ts Responses holds them with every other answer). */
export const ContentResponses = {
  'snapshot:save': z.strictObject({ ok: Ok, seq: z.number().check(z.int()) }),
  'badge:clear': z.strictObject({ ok: Ok }),
  'badge:unknown': z.strictObject({ ok: Ok }),
  'frame:token': z.strictObject({ ok: Ok, token: FrameToken }),
  'sidepanel:open': z.strictObject({ ok: Ok, opened: z.boolean() }),
  /** Sent to the team server, or saved as a file; `text` says which (and why not sent) in the UI language. */
  'pagereport:send': z.strictObject({ ok: Ok, outcome: z.enum(['sent', 'saved']), text: z.string().check(z.maxLength(1000)) }),
  /** The evidence ZIP's name, and whether page.mhtml is in it (core schemas/evidence.ts MhtmlState). */
  'evidence:save': z.strictObject({ ok: Ok, fileName: z.string(), mhtml: z.enum(['included', 'not-granted', 'unsupported', 'failed']) }),
  'reader:count': z.strictObject({ ok: Ok }),
};
export type ContentRequestType = keyof typeof ContentResponses;

/** Background → a tab's content script (tabs.sendMessage), for 保存取证: the page's reading, or null (protocol.ts EvidenceReading). */
export const EvidenceCollect = z.strictObject({ type: z.literal('evidence:collect') });

/** Any refusal: the request did not parse, or its handler failed. */
/** `key`/`subs`: the message a page shows for the refusal (ui/errors.ts); `error` is the log's English. */
export const Refusal = z.strictObject({
  ok: z.literal(false),
  error: z.string(),
  key: z.optional(z.string().check(z.maxLength(100))),
  subs: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(9))),
});
export type Refusal = z.infer<typeof Refusal>;
