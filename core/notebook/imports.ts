import { notSupported, PyError, type Span } from './errors'
import { numpyModule, pyplotModule } from './pyplot'
import { torchModule } from './torch-module'
import type { PyModule } from './values'

/**
 * `import torch`, `import torch.nn.functional as F`, `import matplotlib.pylab as plt`, `import numpy as
 * np`: each module is built once per session. `import a.b.c` binds `a` (Python's rule); with `as`, the
 * alias names the innermost module.
 */
export interface Modules {
  get(name: string): PyModule | undefined
  pyplot: PyModule | null
}

export function createModules(): Modules {
  const cache = new Map<string, PyModule>()
  const modules: Modules = {
    pyplot: null,
    get(name: string): PyModule | undefined {
      const cached = cache.get(name)
      if (cached) return cached
      let module: PyModule | undefined
      if (name === 'torch') module = torchModule()
      else if (name.startsWith('torch.')) {
        let current: PyModule | undefined = modules.get('torch')
        for (const part of name.split('.').slice(1)) {
          const next = current?.attrs.get(part)
          current = next && typeof next === 'object' && next.kind === 'module' ? next : undefined
        }
        module = current
      } else if (name === 'matplotlib.pyplot' || name === 'matplotlib.pylab') {
        modules.pyplot ??= pyplotModule('matplotlib.pyplot')
        module =
          name === 'matplotlib.pyplot'
            ? modules.pyplot
            : { ...modules.pyplot, name: 'matplotlib.pylab' }
      } else if (name === 'matplotlib') {
        module = { kind: 'module', name: 'matplotlib', attrs: new Map() }
      } else if (name === 'numpy') module = numpyModule()
      if (module) cache.set(name, module)
      return module
    },
  }
  return modules
}

const KNOWN_ELSEWHERE = new Set(['math', 'random', 'os', 'sys', 'time', 'pandas', 'scipy', 'sympy'])

export function importModule(
  ns: { globals: Map<string, unknown>; modules: Modules },
  name: string,
  alias: string | null,
  span: Span,
): void {
  const module = ns.modules.get(name)
  if (!module) {
    const top = name.split('.')[0]!
    if (KNOWN_ELSEWHERE.has(top) || ['torch', 'matplotlib', 'numpy'].includes(top))
      throw notSupported(`the module '${name}'`, span)
    throw new PyError('ModuleNotFoundError', `No module named '${name}'`, span)
  }
  if (alias) {
    ns.globals.set(alias, module)
    return
  }
  const top = name.split('.')[0]!
  ns.globals.set(top, ns.modules.get(top)!)
  if (top === 'matplotlib') {
    // `import matplotlib.pyplot` makes matplotlib.pyplot reachable as an attribute of matplotlib.
    const parent = ns.modules.get('matplotlib')!
    const child = name.split('.')[1]
    if (child) parent.attrs.set(child, module)
  }
}
