/**
 * Folding and moving the panel: the open panel (dragged by its title bar) and its tab (dragged by itself) each keep
 * their own place, set as top/left — never a transform, which would make the notes frame "not visible" to its
 * IntersectionObserver v2 check. Only the user's own gestures count (trusted events: a page script cannot fold the
 * panel or move it over its data), and each one is remembered for the site through `save`.
 */
import type { PanelPlacement } from '../../storage/panel-placement.ts';
import { cssPlace, dragged, startsCollapsed, type Part } from './placement.ts';

/** Pixels a press must move before it is a drag, not a click (a tab is clicked far more often than dragged). */
const DRAG_THRESHOLD = 4;
/** One arrow-key press moves this far; with Shift, four times as far. */
const KEY_STEP = 16;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export interface PlacementStore {
  /** What was remembered for this site ({} when nothing, or nothing usable). */
  initial: PanelPlacement;
  save(placement: PanelPlacement): void;
}

export interface Parts {
  /** The element holding both parts; its `collapsed` class says which one shows. */
  mount: HTMLElement;
  panel: HTMLElement;
  /** The open panel's title bar. */
  handle: HTMLElement;
  tab: HTMLElement;
  /** The open panel's button that folds it (the tab itself unfolds). */
  collapse: HTMLElement;
}

export class Placer {
  private placement: PanelPlacement;
  /** The click that ends a drag of the tab is no click. */
  private justDragged = false;

  constructor(
    private readonly parts: Parts,
    private readonly store: PlacementStore,
  ) {
    this.placement = { ...store.initial };
    const view = parts.mount.ownerDocument.defaultView;
    this.setCollapsed(startsCollapsed(this.placement, view?.innerWidth ?? 0));
    for (const part of ['panel', 'tab'] as const) this.place(part);
    parts.collapse.addEventListener('click', (event) => {
      if (event.isTrusted) this.choose(true, parts.tab);
    });
    parts.tab.addEventListener('click', (event) => {
      // A keyboard click (detail 0) never ends a drag.
      const endsDrag = this.justDragged && event.detail > 0;
      this.justDragged = false;
      if (event.isTrusted && !endsDrag) this.choose(false, parts.collapse);
    });
    this.draggable('panel', parts.handle);
    this.draggable('tab', parts.tab);
  }

  get collapsed(): boolean {
    return this.parts.mount.classList.contains('collapsed');
  }

  private setCollapsed(collapsed: boolean): void {
    this.parts.mount.classList.toggle('collapsed', collapsed);
  }

  /** The user folded or unfolded: remembered, and the focus follows to the part now shown. */
  private choose(collapsed: boolean, focus: HTMLElement): void {
    this.setCollapsed(collapsed);
    this.remember({ collapsed });
    focus.focus();
  }

  private remember(change: PanelPlacement): void {
    this.placement = { ...this.placement, ...change };
    this.store.save(this.placement);
  }

  /** The remembered place as top/left (the stylesheet's right-edge default when there is none). */
  private place(part: Part): void {
    const point = this.placement[part];
    if (!point) return;
    const { top, left, maxHeight } = cssPlace(part, point);
    const style = this.parts[part].style;
    style.top = top;
    style.left = left;
    style.right = 'auto';
    style.maxHeight = maxHeight;
  }

  /** Moves `part` by (dx, dy) from where it is now, inside the viewport; remembered when `save`. */
  private moveBy(part: Part, dx: number, dy: number, from: DOMRect, save: boolean): void {
    const root = this.parts.mount.ownerDocument.documentElement;
    const viewport = { width: root.clientWidth, height: root.clientHeight };
    const box = { width: from.width, height: Math.min(from.height, viewport.height) };
    const point = dragged({ top: from.top, left: from.left }, dx, dy, box, viewport);
    this.placement = { ...this.placement, [part]: point };
    this.place(part);
    if (save) this.store.save(this.placement);
  }

  private draggable(part: Part, handle: HTMLElement): void {
    let drag: { id: number; x: number; y: number; from: DOMRect; moved: boolean } | null = null;
    handle.addEventListener('pointerdown', (event) => {
      // A press on the title bar's own button is that button's click.
      if (!event.isTrusted || event.button !== 0 || (part === 'panel' && (event.target as Element).closest('button'))) return;
      // No text selection or native drag starts under the pointer: either would cancel the pointer's events.
      event.preventDefault();
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY, from: this.parts[part].getBoundingClientRect(), moved: false };
      this.justDragged = false;
      handle.setPointerCapture(event.pointerId);
    });
    handle.addEventListener('pointermove', (event) => {
      if (!event.isTrusted || !drag || event.pointerId !== drag.id) return;
      const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      drag.moved = true;
      this.moveBy(part, dx, dy, drag.from, false);
    });
    const end = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      if (drag.moved) {
        this.justDragged = true;
        this.remember({});
      }
      drag = null;
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    handle.addEventListener('keydown', (event) => {
      const arrow = ARROWS[event.key];
      if (!event.isTrusted || !arrow || event.target !== handle) return;
      event.preventDefault();
      const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
      this.moveBy(part, arrow[0] * step, arrow[1] * step, this.parts[part].getBoundingClientRect(), true);
    });
  }
}
