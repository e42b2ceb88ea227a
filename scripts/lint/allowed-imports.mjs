// An ESLint rule that checks each import against an allow-list: the repository folders
// and the packages a layer may import (eslint.config.js lists them). Anything not
// listed is refused, so a new dependency of a layer is a line someone writes on purpose.
import path from 'node:path';

const root = path.dirname(path.dirname(path.dirname(new URL(import.meta.url).pathname)));

/** `@lexical/react/LexicalComposer` → `@lexical/react`; `node:fs/promises` → `node:fs/promises`. */
function packageOf(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A repository path (`server/sms/parts.ts`) for a local import, or null for a package. */
function localPathOf(filename, specifier) {
  if (specifier.startsWith('#core/')) return `core/${specifier.slice('#core/'.length)}`;
  if (!specifier.startsWith('.')) return null;
  return path.relative(root, path.resolve(path.dirname(filename), specifier)).split(path.sep).join('/');
}

/** `node:*` and `@lexical/*` name a family; anything else names one package exactly. */
const allows = (patterns, name) =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'each layer imports only the folders and packages on its allow-list' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
        },
        required: ['layer', 'folders', 'packages'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { layer, folders, packages } = context.options[0];
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      const local = localPathOf(context.filename, specifier);
      if (local !== null) {
        if (!folders.some((folder) => local.startsWith(folder))) {
          context.report({ node, message: `${layer} may import ${folders.join(', ')} only, not ${local} (layers: README, architecture)` });
        }
      } else if (!allows(packages, packageOf(specifier))) {
        context.report({ node, message: `${packageOf(specifier)} is not on ${layer}'s list of packages (eslint.config.js)` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : null),
    };
  },
};
