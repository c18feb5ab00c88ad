// The background service worker: wiring lives in background/main.ts.
import { startBackground } from '../background/main.ts';

export default defineBackground(() => startBackground());
