/**
 * The oldest Chromium CreditLens runs on. Office browsers (360, QQ, Sogou, older Edge) lag behind Chrome; MV3 itself
 * needs 88. The floor is set by the newest web API the built code calls — today crypto.randomUUID (92), for note
 * ids — and the build lowers all syntax to it. test/extension-compat.test.ts scans the built files for the APIs
 * newer than 88 and fails unless this equals the newest one found.
 */
export const MINIMUM_CHROME_VERSION = 92;
