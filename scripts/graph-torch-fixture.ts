/**
 * Writes core/graph/torch-graphs.fixture.json: for each case of core/graph/torch-cases.ts, the graph
 * PyTorch 1.13 records for the program the app shows (`toTorch`), as a tree of grad_fn names, the
 * number of distinct nodes and the order its engine runs them in. Run with
 * `npx tsx scripts/graph-torch-fixture.ts` (needs /usr/bin/python3 with torch); build.test.ts compares
 * the core's graphs with it.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { compile } from '../core/evaluate/compiled'
import { toTorch } from '../core/expr'
import { TORCH_GRAPH_CASES } from '../core/graph/torch-cases'

const WALK = `
import json
seen = set()
def walk(fn):
    seen.add(fn)
    kids = [walk(child) for child, _ in fn.next_functions if child is not None]
    name = type(fn).__name__
    return name + ('(' + ','.join(kids) + ')' if kids else '')
tree = walk(ROOT.grad_fn)
# The order the engine runs the nodes in: a hook fires right after its node ran (leaves excluded).
order = []
for fn in seen:
    if type(fn).__name__ != 'AccumulateGrad':
        fn.register_hook(lambda grad_inputs, grad_outputs, fn=fn: order.append(type(fn).__name__))
ROOT.backward()
print(json.dumps({'torch': torch.__version__, 'tree': tree, 'nodes': len(seen), 'order': order}))
`

function programFor(index: number): string {
  const request = TORCH_GRAPH_CASES[index]!
  const compilation = compile(request.expression)
  if (!compilation.ok) throw new Error(`${request.expression} does not parse`)
  const { ast, variables } = compilation.compiled
  const lines = toTorch(ast, { point: request.point, variables }).split('\n')
  const backwardAt = lines.findIndex((line) => /^\w+\.backward\(\)$/.test(line))
  const output = lines[backwardAt]!.split('.')[0]!
  const slice = request.slice
  const program = lines
    .slice(0, backwardAt)
    .map((line) =>
      slice && line.startsWith(`${slice.wrt} = torch.tensor(`)
        ? `${slice.wrt} = torch.linspace(${slice.domain[0]}, ${slice.domain[1]}, ${slice.samples}, requires_grad=True)`
        : line,
    )
  program.push(`ROOT = ${slice ? `torch.sum(${output})` : output}`)
  return program.join('\n') + WALK
}

const fixture = TORCH_GRAPH_CASES.map((request, index) => {
  const out = execFileSync('/usr/bin/python3', ['-c', programFor(index)], { encoding: 'utf8' })
  return { request, ...(JSON.parse(out) as object) }
})
writeFileSync('core/graph/torch-graphs.fixture.json', JSON.stringify(fixture, null, 2) + '\n')
console.log(`wrote ${fixture.length} graphs`)
