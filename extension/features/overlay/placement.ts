/**
 * Where the panel and its tab go, as plain arithmetic (no DOM, tested on its own): whether the panel starts folded,
 * a dragged place kept inside the viewport, and a remembered place as styles the browser keeps inside the viewport.
 * Without a remembered place the stylesheet puts each part at the right edge (styles.ts).
 */
import type { PanelPlacement, PanelPoint } from '../../storage/panel-placement.ts';

/** Under this viewport width the panel starts as the tab: the sites' 1200–1280 px pages leave no room beside them. */
export const WIDE_VIEWPORT = 1600;
/** Space kept between a part and the viewport's bottom edge. */
export const EDGE_GAP = 4;

export interface Size {
  width: number;
  height: number;
}

export type Part = 'panel' | 'tab';

/** Widths fixed by the styles; the least height kept in view when the stylesheet clamps a remembered place. */
export const BOX: Record<Part, Size> = { panel: { width: 300, height: 120 }, tab: { width: 44, height: 150 } };

/** Folded unless the user chose otherwise on this site, or the viewport is wide enough to leave the page visible. */
export function startsCollapsed(placement: PanelPlacement, viewportWidth: number): boolean {
  return placement.collapsed ?? viewportWidth < WIDE_VIEWPORT;
}

/** Whole pixels, the box kept inside the viewport (its top-left corner when the box is larger than the viewport). */
export function clampPoint(point: PanelPoint, box: Size, viewport: Size): PanelPoint {
  const within = (value: number, room: number) => Math.round(Math.min(Math.max(value, 0), Math.max(0, room)));
  return { top: within(point.top, viewport.height - box.height), left: within(point.left, viewport.width - box.width) };
}

/** A drag's new place: where the pointer moved the box from its start, inside the viewport. */
export function dragged(start: PanelPoint, dx: number, dy: number, box: Size, viewport: Size): PanelPoint {
  return clampPoint({ top: start.top + dy, left: start.left + dx }, box, viewport);
}

/**
 * A remembered place as inline styles, clamped by the browser (clamp() against the viewport): a smaller window later
 * still shows the part, and nothing has to read the page's layout while the page loads.
 */
export function cssPlace(part: Part, point: PanelPoint): { top: string; left: string; maxHeight: string } {
  const { width, height } = BOX[part];
  const top = `clamp(0px, ${point.top}px, 100% - ${height}px)`;
  return { top, left: `clamp(0px, ${point.left}px, 100% - ${width}px)`, maxHeight: `calc(100% - ${EDGE_GAP}px - ${top})` };
}
