/**
 * The layer rule of ARCHITECTURE.md, checked on the source files themselves (the
 * lint rule `vethlab/layers` checks the same thing in the editor). Every import
 * specifier of src/sim and src/scenario — static, `export ... from`, dynamic
 * `import()`, `import('x').T` types and `require` — is read with TypeScript's
 * pre-processor, relative paths are resolved, and scripts/architecture.js decides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CORE_DIRS, checkImport, layerOf } from '../scripts/architecture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

interface SourceFile {
  /** Repository-relative, posix separators. */
  path: string;
  text: string;
}

function listCore(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(ROOT, rel), { withFileTypes: true });
    } catch {
      return; // a layer directory that does not exist yet
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) {
        files.push({ path: child, text: readFileSync(path.join(ROOT, child), 'utf8') });
      }
    }
  };
  for (const dir of CORE_DIRS) walk(dir);
  return files;
}

/** Every module specifier in a file, with its line number. */
function importsOf(text: string): { specifier: string; line: number }[] {
  const info = ts.preProcessFile(text, true, true);
  return [...info.importedFiles, ...info.referencedFiles].map((ref) => ({
    specifier: ref.fileName,
    line: text.slice(0, ref.pos).split('\n').length,
  }));
}

function violations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (typeof layer === 'object' && layer !== null) {
      out.push(`${file.path}: ${layer.unknown} is not a layer of ARCHITECTURE.md`);
      continue;
    }
    for (const { specifier, line } of importsOf(file.text)) {
      const problem = checkImport(file.path, specifier);
      if (problem) out.push(`${file.path}:${line}: ${problem}`);
    }
  }
  return out;
}

describe('architecture: the layer rule', () => {
  it('holds for every file of src/sim and src/scenario', () => {
    const files = listCore();
    expect(files.length, 'no source files found under src/sim or src/scenario').toBeGreaterThan(0);
    expect(violations(files)).toEqual([]);
  });

  it('catches each kind of violation (self-check on synthetic files)', () => {
    const synthetic: SourceFile[] = [
      // Allowed: same layer, lower layers, packages outside the forbidden list.
      { path: 'src/sim/net/ok.ts', text: "import { a } from './kernel.ts';\nimport type { B } from '../netfilter/index.ts';\nimport { Address4 } from 'ip-address';" },
      { path: 'src/sim/netfilter/matches/ok.ts', text: "export * from '../packet.ts';" },
      { path: 'src/sim/shell/ok.ts', text: "import '../docker/engine.ts';\nimport '../net/index.ts';\nimport '../netfilter/index.ts';" },
      { path: 'src/scenario/ok.ts', text: "import { run } from '../sim/shell/index.ts';\nimport '../sim/index.ts';" },
      { path: 'src/sim/index.ts', text: "export * from './shell/index.ts';" },
      // Violations.
      { path: 'src/sim/netfilter/bad.ts', text: "import { Kernel } from '../net/kernel.ts';" },
      { path: 'src/sim/net/bad.ts', text: "\n\nexport { Engine } from '../docker/engine.ts';" },
      { path: 'src/sim/docker/bad.ts', text: "const m = await import('../shell/cli.ts');\ntype T = import('../../app/App.tsx').Props;" },
      { path: 'src/sim/shell/bad.ts', text: "import { readFileSync } from 'node:fs';\nimport path from 'path';\nconst cp = require('child_process');" },
      { path: 'src/sim/net/ui.ts', text: "import { useState } from 'react';\nimport { ReactFlow } from '@xyflow/react';\nimport { create } from 'zustand';\nimport { Terminal } from '@xterm/xterm';\nimport 'xterm';\nimport 'react-dom/client';" },
      { path: 'src/scenario/bad.ts', text: "import { main } from '../cli/main.ts';\nimport '../../test/net/world.ts';" },
      { path: 'src/sim/net/up.ts', text: "import { sim } from '../index.ts';" },
      { path: 'src/sim/util/x.ts', text: 'export const x = 1;' },
    ];
    const found = violations(synthetic);
    const where = found.map((v) => v.slice(0, v.indexOf(': ')));
    expect(where).toEqual([
      'src/sim/netfilter/bad.ts:1',
      'src/sim/net/bad.ts:3',
      'src/sim/docker/bad.ts:1',
      'src/sim/docker/bad.ts:2',
      'src/sim/shell/bad.ts:1',
      'src/sim/shell/bad.ts:2',
      'src/sim/shell/bad.ts:3',
      'src/sim/net/ui.ts:1',
      'src/sim/net/ui.ts:2',
      'src/sim/net/ui.ts:3',
      'src/sim/net/ui.ts:4',
      'src/sim/net/ui.ts:5',
      'src/sim/net/ui.ts:6',
      'src/scenario/bad.ts:1',
      'src/scenario/bad.ts:2',
      'src/sim/net/up.ts:1',
      'src/sim/util/x.ts',
    ]);
    expect(found[0]).toContain("'../net/kernel.ts' resolves to src/sim/net/kernel.ts (layer net)");
    expect(found[0]).toContain('may import nothing of the project outside itself');
  });

  it('is enforced by the lint config too (self-check through ESLint)', { timeout: 30000 }, async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const text = [
      "import { Engine } from '../docker/engine.ts';",
      "import { useState } from 'react';",
      "import { readFileSync } from 'node:fs';",
      'export const t = Date.now() + Math.random() + new Date().getTime();',
      'export const u = [Engine, useState, readFileSync];',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, 'src/sim/net/__synthetic__.ts') });
    const rules = result!.messages.map((m) => `${m.line}:${m.ruleId}`);
    expect(rules).toEqual([
      '1:vethlab/layers',
      '2:vethlab/layers',
      '3:vethlab/layers',
      '4:no-restricted-properties',
      '4:no-restricted-properties',
      '4:no-restricted-syntax',
    ]);
  });
});
