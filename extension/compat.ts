/**
 * The oldest Chromium CreditLens runs on. Office browsers (360, QQ, Sogou, older Edge) lag behind Chrome; MV3 itself
 * needs 88. The floor is set by the newest web API the built code calls — today crypto.randomUUID (92), for note
 * ids — and the build lowers all syntax to it. test/extension-compat.test.ts scans the built files for the APIs
 * newer than 88 and fails unless this equals the newest one found.
 */
export const MINIMUM_CHROME_VERSION = 92;

/**
 * APIs newer than the minimum that the code calls only where the browser has them, each with a tested fallback:
 * frame grants and tab entities kept in session storage (else in the worker's memory: background/grant-store.ts),
 * notes in the side panel (else the in-page frame). Named as test/e2e/compat.e2e.test.ts names them.
 */
export const FEATURE_DETECTED: readonly string[] = ['storage.session', 'side panel'];
