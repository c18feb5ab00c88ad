/**
 * The overlay's styles, scoped by its shadow root. Plain, compact, readable at a glance beside the site's tables.
 * The host is a zero-size fixed anchor; the panel and its tab are fixed boxes of their own, at the right edge until
 * the user moves them (placer.ts then sets top/left inline: the page's CSS cannot reach into the shadow root).
 */
import { BOX } from './placement.ts';

// Placed by offsets, never transforms, filters or opacity: any of them on an ancestor makes the notes frame's
// visibility check (IntersectionObserver v2) report it not visible, and its buttons pause.
export const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; z-index: 2147483646 !important; display: block !important; }
.panel { position: fixed; top: 12px; right: 8px; box-sizing: border-box; width: ${BOX.panel.width}px;
  max-height: calc(100vh - 24px); overflow: auto; background: #fff;
  color: #1f2329; border: 1px solid #d0d3d9; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.16);
  font: 13px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; }
.head { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #b5161c; color: #fff;
  cursor: move; touch-action: none; user-select: none; }
.head .title { font-weight: bold; flex: 1; }
button { font: inherit; cursor: pointer; border: 1px solid #c9ccd2; background: #f7f8fa; color: #1f2329;
  border-radius: 4px; padding: 1px 8px; }
.head button { background: transparent; color: #fff; border-color: rgba(255,255,255,.6); }
.body { padding: 8px 10px; }
.row { display: flex; justify-content: space-between; gap: 8px; padding: 3px 0; border-bottom: 1px dashed #eceef2; }
.label { color: #646a73; }
.value { font-weight: bold; text-align: right; }
.alert { color: #b5161c; }
.warning { color: #c45a00; }
.ok { color: #2b7a0b; }
.muted { color: #8f959e; font-weight: normal; }
.unknown { color: #5b6475; }
.domains { display: flex; flex-wrap: wrap; gap: 4px; padding: 4px 0; }
.domain { background: #f0f1f5; border-radius: 3px; padding: 0 6px; font-size: 12px; }
.line { padding: 3px 0; }
.notice { padding: 4px 0; }
details { border-top: 1px solid #eceef2; padding: 4px 0; }
summary { cursor: pointer; }
details .detail { color: #646a73; font-size: 12px; padding: 2px 0 2px 14px; word-break: break-all; }
.findings-title { font-weight: bold; padding-top: 6px; }
.notes { padding-top: 6px; }
iframe { width: 100%; height: 440px; border: 1px solid #d0d3d9; border-radius: 4px; margin-top: 6px; background: #fff; }
iframe.links-frame { height: 64px; margin-top: 4px; }
.collapsed .panel, .overlay:not(.collapsed) .tab { display: none; }
.tab { position: fixed; top: 96px; right: 4px; box-sizing: border-box; width: ${BOX.tab.width}px; max-height: calc(100vh - 100px);
  display: flex; flex-direction: column; gap: 4px; padding: 0 1px 4px; overflow: hidden; background: #fff; color: #1f2329;
  border: 1px solid #d0d3d9; border-left: 2px solid #b5161c; border-radius: 6px 0 0 6px; box-shadow: 0 2px 8px rgba(0,0,0,.16);
  font: 12px/1.3 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; text-align: center;
  cursor: move; touch-action: none; user-select: none; }
.tab .tab-title { background: #b5161c; color: #fff; margin: 0 -1px; font-weight: bold; }
.tab .fact { display: flex; flex-direction: column; }
.tab .label { font-size: 11px; }
.tab .value { text-align: center; overflow-wrap: anywhere; }
:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
`;
