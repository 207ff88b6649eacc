// Checks equations with the book's own pinned KaTeX: node check-tex.js equations.json
// Input: [{"where": "...", "tex": "...", "display": true}]; prints the ones KaTeX rejects as JSON.
'use strict';
const fs = require('fs');
const path = require('path');
const katex = require(path.join(__dirname, 'node_modules', 'katex'));
const equations = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const failures = [];
for (const e of equations) {
  try {
    katex.renderToString(e.tex, { displayMode: e.display, throwOnError: true, strict: 'ignore' });
  } catch (error) {
    failures.push({ where: e.where, tex: e.tex, error: String(error.message || error) });
  }
}
process.stdout.write(JSON.stringify({ checked: equations.length, version: katex.version, failures }));
