/*
 * Lets a test start the server from its TypeScript sources as a separate process
 * (`node -r server/test/support/swc-register.cjs server/src/main.ts`): each .ts file is compiled
 * by swc with the settings jest uses (legacy decorators with metadata), nothing is type-checked.
 */
const { transformSync } = require('@swc/core');
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const src = fs.readFileSync(filename, 'utf8');
  const out = transformSync(src, { filename, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: false });
  module._compile(out.code, filename);
};
