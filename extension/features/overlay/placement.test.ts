/**
 * The panel's place as arithmetic: folded by default under 1600 px unless the user chose otherwise, a drag kept inside
 * the viewport whichever way it overshoots, and a remembered place written as top/left the browser clamps.
 */
import { describe, expect, it } from 'vitest';
import { BOX, clampPoint, cssPlace, dragged, startsCollapsed, WIDE_VIEWPORT } from './placement.ts';

const VIEWPORT = { width: 1385, height: 760 };
const TAB = { width: 44, height: 150 };

describe('whether the panel starts folded', () => {
  it('folds under 1600 px and opens from 1600 px when nothing was chosen', () => {
    expect(startsCollapsed({}, 1400)).toBe(true);
    expect(startsCollapsed({}, WIDE_VIEWPORT - 1)).toBe(true);
    expect(startsCollapsed({}, WIDE_VIEWPORT)).toBe(false);
    expect(startsCollapsed({}, 1920)).toBe(false);
  });

  it('follows what the user chose on the site, whatever the width', () => {
    expect(startsCollapsed({ collapsed: false }, 1280)).toBe(false);
    expect(startsCollapsed({ collapsed: true }, 2560)).toBe(true);
  });
});

describe('clamping to the viewport', () => {
  it('leaves a place inside the viewport as it is, in whole pixels', () => {
    expect(clampPoint({ top: 100.4, left: 200.6 }, TAB, VIEWPORT)).toEqual({ top: 100, left: 201 });
  });

  it('pulls a place past any edge back so the whole box shows', () => {
    expect(clampPoint({ top: -30, left: -5 }, TAB, VIEWPORT)).toEqual({ top: 0, left: 0 });
    expect(clampPoint({ top: 900, left: 1500 }, TAB, VIEWPORT)).toEqual({ top: 760 - 150, left: 1385 - 44 });
    expect(clampPoint({ top: 700, left: 1380 }, TAB, VIEWPORT)).toEqual({ top: 610, left: 1341 });
  });

  it('keeps the top-left corner in view when the box is larger than the viewport', () => {
    expect(clampPoint({ top: 50, left: 50 }, { width: 300, height: 900 }, { width: 280, height: 600 })).toEqual({ top: 0, left: 0 });
  });

  it('moves a drag by the pointer\u2019s way, stopping at the edges', () => {
    expect(dragged({ top: 96, left: 1337 }, -400, 50, TAB, VIEWPORT)).toEqual({ top: 146, left: 937 });
    expect(dragged({ top: 96, left: 1337 }, 300, -500, TAB, VIEWPORT)).toEqual({ top: 0, left: 1341 });
  });
});

describe('a remembered place as styles', () => {
  it('is top/left clamped by the browser to the part\u2019s width and least height, and the height that fits below it', () => {
    expect(cssPlace('tab', { top: 200, left: 900 })).toEqual({
      top: 'clamp(0px, 200px, 100% - 150px)',
      left: `clamp(0px, 900px, 100% - ${BOX.tab.width}px)`,
      maxHeight: 'calc(100% - 4px - clamp(0px, 200px, 100% - 150px))',
    });
    expect(cssPlace('panel', { top: 0, left: 10 }).left).toBe(`clamp(0px, 10px, 100% - ${BOX.panel.width}px)`);
  });
});
