const { transformSync } = require('@swc/core');
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const src = fs.readFileSync(filename, 'utf8');
  const out = transformSync(src, { filename, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: false });
  module._compile(out.code, filename);
};
