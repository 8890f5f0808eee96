// Jest on Node 20 cannot require ES modules, and NestJS 12, nodemailer, smtp-server, mailparser and
// others ship only ESM. This transformer compiles our TypeScript with the build's SWC options and turns
// ES-module files from node_modules into CommonJS; CommonJS files pass through untouched.
const { transformSync } = require('@swc/core');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const swcOptions = require('./swc-options.cjs');

const packageTypes = new Map();

function isEsmFile(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  let dir = path.dirname(filename);
  while (dir !== path.dirname(dir)) {
    if (packageTypes.has(dir)) return packageTypes.get(dir);
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      let type;
      try {
        type = JSON.parse(readFileSync(manifest, 'utf8')).type;
      } catch {
        type = undefined;
      }
      // Nested package.json files without a "type" (e.g. only "sideEffects") do not decide: keep looking.
      if (
        type !== undefined ||
        existsSync(path.join(dir, 'node_modules')) ||
        path.basename(path.dirname(dir)) === 'node_modules' ||
        path.basename(path.dirname(path.dirname(dir))) === 'node_modules'
      ) {
        const esm = type === 'module';
        packageTypes.set(dir, esm);
        return esm;
      }
    }
    dir = path.dirname(dir);
  }
  return false;
}

module.exports = {
  process(source, filename) {
    const isTypeScript = filename.endsWith('.ts');
    if (!isTypeScript && !isEsmFile(filename)) return { code: source };
    const options = swcOptions();
    const code = isTypeScript
      ? source
      : source
          // As CommonJS the module already has `require`; an ESM file's own createRequire would shadow it.
          .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
          .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href");
    const result = transformSync(code, {
      ...options,
      filename,
      swcrc: false,
      jsc: isTypeScript ? options.jsc : { parser: { syntax: 'ecmascript' }, target: 'es2022' },
      module: { type: 'commonjs', ignoreDynamic: !isTypeScript ? false : true },
      sourceMaps: 'inline',
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha256').update('v2').update(filename).update(source).digest('hex');
  },
};
