// @ts-check
import { builtinModules } from 'node:module'
import { dirname, posix, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * `layers/allowed-imports`: each layer of the app declares what it may import, as VS Code's layering rule
 * does (common / browser / node / electron-main). The rule is an allow-list: an import that no entry of the
 * file's layer names is an error, so a new dependency across layers needs a line in eslint.config.js
 * saying who may use it and why.
 *
 * An entry is a glob over what the import names:
 * - a relative import, as a path from the repository's root without the query (`core/**`,
 *   `core/protocol/**`); a leading `!` takes paths back out (`!core/cli/**`), and as in .gitignore
 *   the last entry that matches decides;
 * - a Node built-in, always spelled `node:<name>` whether the source writes `fs` or `node:fs` (`node:**`);
 * - a package, by its specifier (`vue`, `chart.js`, `katex/**`).
 * `*` matches within one path segment, `**` across segments.
 */

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const builtins = new Set(builtinModules)

/** @param {string} glob */
function globToRegExp(glob) {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*'
      i++
    } else if (char === '*') source += '[^/]*'
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/**
 * What an import names, in the terms of the allow-list.
 * @param {string} specifier the import's source text
 * @param {string} file the importing file, from the repository's root
 */
export function importTarget(specifier, file) {
  const name = specifier.split('?')[0] ?? specifier
  if (name.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), name))
  const bare = name.startsWith('node:') ? name.slice('node:'.length) : name
  return builtins.has(bare) ? `node:${bare}` : name
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its declaration allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
        },
        required: ['layer', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "{{layer}} may not import '{{target}}'. It may import only: {{allowed}} (see eslint.config.js).",
    },
  },
  create(context) {
    const { layer, allow } = /** @type {{ layer: string; allow: string[] }} */ (context.options[0])
    // Read in order, like .gitignore: the last entry that matches decides.
    const entries = allow.map((entry) => ({
      negated: entry.startsWith('!'),
      pattern: globToRegExp(entry.replace(/^!/, '')),
    }))
    const file = relative(root, context.filename).split(sep).join('/')

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      const target = importTarget(source.value, file)
      const allowed = entries.reduce(
        (verdict, { negated, pattern }) => (pattern.test(target) ? !negated : verdict),
        false,
      )
      if (!allowed) {
        context.report({
          node: source,
          messageId: 'forbidden',
          data: { layer, target, allowed: allow.join(', ') },
        })
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    }
  },
}

export default { rules: { 'allowed-imports': allowedImports } }
