// The renderer's stamp (build/stamp.js): every file Vite read for the last build, so `npm start`
// builds the screens again only when one of them changed. A Vite plugin, in renderer/vite.config.ts.
import fs from 'node:fs';
import path from 'node:path';
import { makeStamp, readStamp, stampedFiles, stampIsFresh, writeFileAtomic } from './stamp.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const RENDERER_STAMP = path.join(ROOT, 'dist', 'stamps', 'renderer.json');
const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');
/** Read by the build without being imported by the screens. */
const CONFIG_FILES = ['renderer/index.html', 'renderer/vite.config.ts', 'build/renderer-stamp.js', 'build/stamp.js', 'package.json'];

/** Whether dist/renderer was built from the sources as they are now. */
export function rendererIsFresh() {
  return fs.existsSync(path.join(RENDERER_OUT, 'index.html')) && stampIsFresh(ROOT, readStamp(RENDERER_STAMP));
}

export function rendererStamp() {
  let builtFrom = 0;
  return {
    name: 'linkdesk-renderer-stamp',
    apply: 'build',
    buildStart() {
      builtFrom = Date.now();
      // The build empties dist/renderer: until it has written the new one, no stamp says it is fresh.
      fs.rmSync(RENDERER_STAMP, { force: true });
    },
    writeBundle() {
      const read = [...this.getModuleIds()]
        .map((id) => id.split('?')[0])
        .filter((id) => path.isAbsolute(id) && !id.startsWith('\0') && fs.existsSync(id));
      writeFileAtomic(RENDERER_STAMP, JSON.stringify(makeStamp(ROOT, stampedFiles(ROOT, [...read, ...CONFIG_FILES]), builtFrom)));
    },
  };
}
