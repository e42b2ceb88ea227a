import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import arrow between two files of the repository, or from a file to a package. */
export interface ImportArrow {
  from: string;
  /** A repository path (`server/sms/parts.ts`) or a package name (`zod`, `node:fs`). */
  to: string;
  /** `import type` only: erased at build, still an arrow between layers. */
  typeOnly: boolean;
}

const sourceFile = /\.(ts|tsx|mts)$/;

function filesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  if (existsSync(join(root, folder))) walk(join(root, folder));
  return out;
}

function resolveFile(root: string, fromFile: string, specifier: string): string | undefined {
  const base = specifier.startsWith('#core/') ? join(root, 'core', specifier.slice('#core/'.length)) : join(root, dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const hit = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return hit === undefined ? undefined : relative(root, hit).split(sep).join('/');
}

/** The package an import names: `@lexical/react/LexicalComposer` → `@lexical/react`, `node:fs/promises` → `node:fs`. */
export function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.split('/')[0] ?? specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function importsOf(text: string, fileName: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import arrow of the files under `folders`, read from the sources with the TypeScript parser. */
export function importGraph(root: string, folders: readonly string[]): ImportArrow[] {
  const arrows: ImportArrow[] = [];
  for (const file of folders.flatMap((folder) => filesUnder(root, folder))) {
    for (const { specifier, typeOnly } of importsOf(readFileSync(join(root, file), 'utf8'), file)) {
      const local = specifier.startsWith('.') || specifier.startsWith('#');
      const to = local ? (resolveFile(root, file, specifier) ?? `unresolved:${specifier}`) : packageOf(specifier);
      arrows.push({ from: file, to, typeOnly });
    }
  }
  return arrows;
}

/** Each import circle among repository files, as the list of files around it (first file repeated at the end). */
export function circles(arrows: readonly ImportArrow[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of arrows) next.set(from, [...(next.get(from) ?? []), to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (!next.has(to)) continue;
      const seen = state.get(to);
      if (seen === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (seen === undefined) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}
