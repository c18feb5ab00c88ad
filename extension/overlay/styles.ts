/** The overlay's styles, scoped by its shadow root. Plain, compact, readable at a glance beside the site's tables. */
// Placed by offsets, never transforms, filters or opacity: any of them on an ancestor makes the notes frame's
// visibility check (IntersectionObserver v2) report it not visible, and its buttons pause.
export const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; top: 12px !important; right: 12px !important;
  z-index: 2147483646 !important; display: block !important; }
.panel { box-sizing: border-box; width: 320px; max-height: calc(100vh - 24px); overflow: auto; background: #fff;
  color: #1f2329; border: 1px solid #d0d3d9; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.16);
  font: 13px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; }
.head { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #b5161c; color: #fff; }
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
.collapsed .body { display: none; }
`;
