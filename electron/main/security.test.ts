import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { createDispatcher } from '../app/dispatcher.ts';
import { aSession } from '../app/testing/builders.ts';
import { API_CHANNEL, bindApiToIpc, type InvokeEventLike } from './ipc.ts';
import { devToolsAllowed, isAllowedNavigation, isExternalLinkAllowed, isTrustedSender, secureWebPreferences } from './security.ts';

describe('the Electron window', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens developer tools only in a development run that asks, never in a packaged build', () => {
    expect(devToolsAllowed(true, { LINKDESK_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, { LINKDESK_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { LINKDESK_DEVTOOLS: 'true' })).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs').devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { devTools: devToolsAllowed(true, { LINKDESK_DEVTOOLS: '1' }) }).devTools).toBe(false);
  });

  it('never navigates away from the app', () => {
    expect(isAllowedNavigation('app://linkdesk/index.html#/settings')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
  });

  it('opens only https links outside, in the browser', () => {
    expect(isExternalLinkAllowed('https://get-information-schools.service.gov.uk/')).toBe(true);
    expect(isExternalLinkAllowed('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
  });

  it('has a strict CSP, the same in the page and in the headers', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const html = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });
});

describe('the IPC sender check', () => {
  it('trusts only the top-level frame of the app scheme', () => {
    expect(isTrustedSender({ url: 'app://linkdesk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://linkdesk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('answers a foreign frame with forbidden and never reaches the dispatcher', async () => {
    let channel = '';
    let handler: ((event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) | undefined;
    let dispatched = 0;
    const dispatch = createDispatcher(aSession());
    bindApiToIpc(
      { handle: (c, l) => ((channel = c), (handler = l)) },
      async (m, i) => {
        dispatched++;
        return dispatch(m, i);
      },
    );
    expect(channel).toBe(API_CHANNEL);
    const reply = await handler!({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toBe(0);
    const ok = await handler!({ senderFrame: { url: 'app://linkdesk/index.html', parent: null } }, 'app.info', {});
    expect(ok).toMatchObject({ ok: true });
    expect(dispatched).toBe(1);
  });
});

describe('the packaged app', () => {
  const builder = fs.readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  it('flips the Electron fuses', () => {
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(builder).toContain(line);
    }
  });
  it('builds for Windows, Linux and macOS', () => {
    for (const target of ['nsis', 'AppImage', 'deb', 'dmg']) expect(builder).toContain(target);
  });
});
