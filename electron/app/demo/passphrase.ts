/**
 * Fictional data only, so its passphrase can be printed on the start screen. Apart from
 * demo.ts so the start screen's answer does not load the demo's seeding (and with it the
 * Word libraries its meeting record needs).
 */
export const DEMO_PASSPHRASE = 'demo team passphrase 2026';
