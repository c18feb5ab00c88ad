/**
 * Where the overlay panel sits on each site, and whether it is folded to its tab: one `browser.storage.local` item
 * per host, read through zod. A stored value that does not parse gives the defaults (the panel's own choice by
 * viewport width, at the right edge) and the reason, never a half-applied position.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { problemLines, problemsOf } from '#core/page';

/** Viewport pixels of the element's top-left corner (offsets, never transforms). */
// zod/mini: this is read by the content scripts, which must stay small (test/e2e/manifest.e2e.test.ts).
export const PanelPoint = z.strictObject({ top: z.number(), left: z.number() });
export type PanelPoint = z.infer<typeof PanelPoint>;

/** What the user chose; a missing field means they never chose it, so the default applies. */
export const PanelPlacement = z.strictObject({
  collapsed: z.optional(z.boolean()),
  /** The open panel's place (dragged by its title bar). */
  panel: z.optional(PanelPoint),
  /** The folded tab's place (dragged by itself): kept apart, so unfolding and folding again leaves it where it was. */
  tab: z.optional(PanelPoint),
});
export type PanelPlacement = z.infer<typeof PanelPlacement>;

/** One key per host: two sites' tabs writing at once never overwrite each other's choice. */
function keyOf(host: string): `local:${string}` {
  return `local:overlayPlacement:${host}`;
}

export interface PlacementRead {
  value: PanelPlacement;
  problem: string | null;
}

/** A stored placement through its schema; nothing stored is no choice, anything unparsable is ignored with the reason. */
export function parsePlacement(stored: unknown): PlacementRead {
  if (stored === null || stored === undefined) return { value: {}, problem: null };
  const parsed = z.safeParse(PanelPlacement, stored);
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: {}, problem: `stored panel placement ignored: ${problemLines(problemsOf(parsed.error)).join('; ')}` };
}

export async function readPlacement(host: string): Promise<PlacementRead> {
  return parsePlacement(await storage.getItem<unknown>(keyOf(host)));
}

export async function savePlacement(host: string, placement: PanelPlacement): Promise<void> {
  await storage.setItem(keyOf(host), PanelPlacement.parse(placement));
}
