/**
 * Prints the gzip size of what the first screen loads (the entry chunk, its static
 * imports and CSS, as index.html references them, modulepreload links included) and
 * of each chunk loaded later (the live app and the simulator, which main.tsx starts
 * at once while the first screen draws from a snapshot; the lazy parts). Run after
 * `vite build`: `npm run size`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');
const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const first = new Set([...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
// Static imports of the entry chunks load with them.
for (const file of [...first].filter((f) => f.endsWith('.js'))) {
  for (const m of readFileSync(new URL(file, dist), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) first.add(`assets/${m[1]}`);
}
const all = readdirSync(new URL('assets/', dist)).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
const firstTotal = [...first].reduce((n, f) => n + gz(f), 0);
console.log(`first load: ${kb(firstTotal)} gzip`);
for (const f of [...first].sort()) console.log(`  ${f}  ${kb(gz(f))}`);
console.log('loaded later:');
for (const f of all.filter((f) => !first.has(f)).sort()) console.log(`  ${f}  ${kb(gz(f))}`);
