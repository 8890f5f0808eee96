// Compiles the API, the libraries and the migrations to dist/ with SWC (type checking is `npm run check`),
// copies the templates and static assets the server reads at run time, and builds the dashboard (apps/admin)
// with Vite into dist/admin, which the API serves at /admin.
import { transformFile } from '@swc/core';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swcOptions = require('./swc-options.cjs');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const sources = ['apps/api/src', 'libs/domain/src', 'libs/infrastructure/src', 'migrations', 'bench'];
const assetExtensions = new Set(['.hbs', '.css', '.js', '.txt', '.json', '.ico', '.svg']);

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

await rm(out, { recursive: true, force: true });
let compiled = 0;
for (const source of sources) {
  for await (const file of walk(path.join(root, source))) {
    const relative = path.relative(root, file);
    const target = path.join(out, relative);
    await mkdir(path.dirname(target), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts')) {
      const options = swcOptions();
      const result = await transformFile(file, { ...options, filename: file, sourceFileName: file });
      const js = target.replace(/\.ts$/, '.js');
      await writeFile(js, `${result.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      await writeFile(`${js}.map`, result.map ?? '');
      compiled += 1;
    } else if (assetExtensions.has(path.extname(file))) {
      await cp(file, target);
    }
  }
}
console.log(`built ${compiled} files into dist/`);

// A production bundle even when the caller's NODE_ENV says otherwise (jest sets test, which would give React's
// development build).
process.env.NODE_ENV = 'production';
const { build: viteBuild } = await import('vite');
await viteBuild({
  root: path.join(root, 'apps/admin'),
  configFile: path.join(root, 'apps/admin/vite.config.ts'),
  build: { outDir: path.join(out, 'admin') },
  mode: 'production',
  logLevel: 'warn',
});
console.log('built the dashboard into dist/admin/');
