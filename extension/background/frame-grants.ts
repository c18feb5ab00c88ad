/**
 * One-time frame tokens: the overlay's content script asks for one each time it opens a frame for an entity, puts it
 * in the frame's URL, and the frame presents it here. A frame that presents a token issued for its own tab, purpose
 * and entity is bound (tab, frame id, URL, document); only a bound frame may write. A frame the page made itself has
 * no such token, so it stays read-only whatever a click on it does. The state is a plain snapshot the background keeps
 * in session storage (grant-store.ts), so a service worker stopped while idle does not strip open frames of their grant.
 */
import * as z from 'zod';
import { FramePurpose, type FrameGrant } from '../messaging/protocol.ts';

/** An unclaimed token lives this long: the frame presents it as soon as it loads. */
export const TOKEN_TTL_MS = 60_000;
/** Unclaimed tokens and bound frames kept per tab; the oldest goes beyond it (each opening of a frame makes one). */
const MAX_PER_TAB = 20;

export type ClaimRefusal = 'no-token' | 'unknown-token' | 'expired' | 'wrong-tab' | 'wrong-purpose' | 'wrong-entity' | 'not-in-tab';

/** The frame presenting a token, as the browser reports it. */
export interface FrameSender {
  tabId?: number;
  frameId?: number;
  /** The frame's URL (its fragment is ignored: the frame removes the token from it). */
  url: string;
  /** Chromium 106+: the document, so a new document loaded into the bound frame is not bound. */
  documentId?: string;
  /** Which frame page sent it (notes.html, links.html), from its URL. */
  purpose: FramePurpose;
}

const Pending = z.strictObject({ tabId: z.number().int(), purpose: FramePurpose, entityKey: z.string(), expires: z.number() });
type Pending = z.infer<typeof Pending>;
const Binding = z.strictObject({ purpose: FramePurpose, entityKey: z.string(), url: z.string(), documentId: z.string().optional() });
type Binding = z.infer<typeof Binding> & FrameGrant;

/** What is kept between service-worker runs: unclaimed tokens and bound frames ("tab:frame"). */
export const GrantsSnapshot = z.strictObject({
  pending: z.array(z.tuple([z.string(), Pending])).max(10_000),
  bound: z.array(z.tuple([z.string().regex(/^\d+:\d+$/), Binding])).max(10_000),
});
export type GrantsSnapshot = z.infer<typeof GrantsSnapshot>;

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;
const frameOf = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

export class FrameGrants {
  private readonly pending = new Map<string, Pending>();
  private readonly bound = new Map<string, Binding>();
  private changed: (snapshot: GrantsSnapshot) => void = () => {};

  constructor(
    private readonly now: () => number,
    private readonly newToken: () => string = randomToken,
  ) {}

  snapshot(): GrantsSnapshot {
    return { pending: [...this.pending], bound: [...this.bound] };
  }

  /** Takes back what an earlier run kept (before any message is handled); expired tokens are dropped. */
  restore(snapshot: GrantsSnapshot): void {
    for (const [token, pending] of snapshot.pending) this.pending.set(token, pending);
    for (const [frame, binding] of snapshot.bound) this.bound.set(frame, binding);
    this.dropExpired();
  }

  /** Called with the new state after every change. */
  onChange(listener: (snapshot: GrantsSnapshot) => void): void {
    this.changed = listener;
  }

  issue(tabId: number, purpose: FramePurpose, entityKey: string): string {
    this.dropExpired();
    const ofTab = [...this.pending].filter(([, p]) => p.tabId === tabId);
    if (ofTab.length >= MAX_PER_TAB) this.pending.delete(ofTab[0]?.[0] ?? '');
    const token = this.newToken();
    this.pending.set(token, { tabId, purpose, entityKey, expires: this.now() + TOKEN_TTL_MS });
    this.changed(this.snapshot());
    return token;
  }

  /** Checks and consumes the token (one presentation, whatever its outcome); binds the frame when it fits. */
  claim(token: string | null, entityKey: string, sender: FrameSender): { granted: true } | { granted: false; reason: ClaimRefusal } {
    if (token === null) return { granted: false, reason: 'no-token' };
    const issued = this.pending.get(token);
    if (!issued) return { granted: false, reason: 'unknown-token' };
    this.pending.delete(token);
    const outcome = this.bind(issued, entityKey, sender);
    this.changed(this.snapshot());
    return outcome;
  }

  private bind(issued: Pending, entityKey: string, sender: FrameSender): { granted: true } | { granted: false; reason: ClaimRefusal } {
    if (issued.expires < this.now()) return { granted: false, reason: 'expired' };
    if (sender.tabId === undefined || sender.frameId === undefined) return { granted: false, reason: 'not-in-tab' };
    if (issued.tabId !== sender.tabId) return { granted: false, reason: 'wrong-tab' };
    if (issued.purpose !== sender.purpose) return { granted: false, reason: 'wrong-purpose' };
    if (issued.entityKey !== entityKey) return { granted: false, reason: 'wrong-entity' };
    const boundInTab = [...this.bound.keys()].filter((key) => key.startsWith(`${sender.tabId}:`));
    if (boundInTab.length >= MAX_PER_TAB) this.bound.delete(boundInTab[0] ?? '');
    this.bound.set(frameOf(sender.tabId, sender.frameId), {
      purpose: issued.purpose,
      entityKey,
      url: withoutFragment(sender.url),
      ...(sender.documentId ? { documentId: sender.documentId } : {}),
    });
    return { granted: true };
  }

  /** The grant of the frame sending, when it is the bound frame with the same URL (and document, where known). */
  grantOf(sender: FrameSender): FrameGrant | null {
    if (sender.tabId === undefined || sender.frameId === undefined) return null;
    const binding = this.bound.get(frameOf(sender.tabId, sender.frameId));
    if (!binding || binding.purpose !== sender.purpose || binding.url !== withoutFragment(sender.url)) return null;
    if (binding.documentId !== undefined && binding.documentId !== sender.documentId) return null;
    return { purpose: binding.purpose, entityKey: binding.entityKey };
  }

  /** The tab closed: its frames are gone. */
  forgetTab(tabId: number): void {
    for (const [token, p] of this.pending) if (p.tabId === tabId) this.pending.delete(token);
    for (const key of this.bound.keys()) if (key.startsWith(`${tabId}:`)) this.bound.delete(key);
    this.changed(this.snapshot());
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, p] of this.pending) if (p.expires < now) this.pending.delete(token);
  }
}
