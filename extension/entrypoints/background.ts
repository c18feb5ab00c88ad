// The background service worker: wiring lives in background/main.ts.
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/main.ts';

export default defineBackground(() => startBackground());
