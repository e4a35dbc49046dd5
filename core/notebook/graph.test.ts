import { describe, expect, it } from 'vitest'
import type { NotebookGraphResult, RunCellResult } from '../protocol/notebook'
import type { Result } from '../protocol/result'
import { LIMITS } from '../protocol/limits'
import { createSession, runCell, type Session } from './run'
import { NotebookSessions } from './sessions'
import { notebookGraph } from './graph'
import { handleMessage } from '../evaluate/serve'

const run = (session: Session, source: string, cellId?: string): RunCellResult =>
  runCell(session, source, { mode: 'cell', ...(cellId ? { cellId } : {}) })
const stdout = (result: RunCellResult): string =>
  result.outputs.map((o) => (o.type === 'stream' ? o.text : '')).join('')
const errorLine = (result: RunCellResult): string | undefined => {
  const error = result.outputs.find((o) => o.type === 'error')
  return error?.type === 'error' ? error.traceback.at(-1) : undefined
}

function graphOf(session: Session, name: string): NotebookGraphResult {
  const answer = notebookGraph(session, { session: 's', name })
  if (!answer.ok) throw new Error(answer.diagnostics[0]?.message)
  return answer.value
}
const messageOf = (answer: Result<unknown>): string | undefined =>
  answer.ok ? undefined : answer.diagnostics[0]?.message
const byLabel = (graph: NotebookGraphResult, label: string) =>
  graph.nodes.find((node) => node.label === label)

const LEAVES =
  'import torch\nu = torch.tensor(1.0, requires_grad=True)\nv = torch.tensor(2.0, requires_grad=True)\n'

describe('the graph of a notebook tensor', () => {
  it("is the lab's y = x ** 2: PowBackward0 over the leaf x, with x's gradient 2x = 4", () => {
    const session = createSession()
    run(session, 'import torch\nx = torch.tensor(2.0, requires_grad = True)')
    run(session, 'y = x ** 2', 'cell-y')
    const graph = graphOf(session, 'y')
    expect(graph.nodes.map((node) => [node.name, node.label])).toEqual([
      ['AccumulateGrad', 'x'],
      ['PowBackward0', 'x ** 2'],
    ])
    expect(graph.output).toBe(1)
    expect(graph.nodes[1]).toMatchObject({ inputs: [0], constants: ['2'], value: [4], spans: [] })
    expect(graph.nodes[1]!.source).toEqual({
      executionCount: 2,
      cellId: 'cell-y',
      span: { line: 1, column: 4, endLine: 1, endColumn: 10 },
      text: 'x ** 2',
    })
    expect(graph.nodes[0]!.gradient).toEqual([4])
    expect(graph.backward).toEqual({ status: 'ran', seed: 'one' })
    expect(graph.steps).toEqual([
      {
        node: 1,
        upstream: [1],
        flows: [{ input: 0, local: [4], share: [4], before: null, total: [4] }],
      },
    ])
  })

  it("gives u*v + u**2's leaves the gradients backward() then puts in u.grad and v.grad", () => {
    const session = createSession()
    run(session, `${LEAVES}f = u * v + u ** 2`)
    const graph = graphOf(session, 'f')
    expect(graph.nodes.map((node) => node.name).sort()).toEqual([
      'AccumulateGrad',
      'AccumulateGrad',
      'AddBackward0',
      'MulBackward0',
      'PowBackward0',
    ])
    expect(graph.variables).toEqual(['u', 'v'])
    expect(byLabel(graph, 'u * v + u ** 2')?.name).toBe('AddBackward0')
    const u = byLabel(graph, 'u')!
    const v = byLabel(graph, 'v')!
    // u feeds two ops: its gradient is the sum of two shares, v * 1 + 2u = 4.
    expect([u.gradient, v.gradient]).toEqual([[4], [1]])
    const accumulated = graph.steps.flatMap((step) => step.flows).filter((f) => f.before !== null)
    expect(accumulated).toHaveLength(1)
    expect(accumulated[0]).toMatchObject({ input: u.id, total: [4] })

    const after = run(session, 'f.backward()\nprint(u.grad, v.grad)')
    expect(stdout(after)).toBe('tensor(4.) tensor(1.)\n')
  })

  it("leaves every .grad as it was, and the learner's backward() as it would have been", () => {
    const session = createSession()
    run(session, `${LEAVES}f = u * v + u ** 2`)
    graphOf(session, 'f')
    graphOf(session, 'f')
    // Never run backward: .grad is still None, and the graph is not freed by the views.
    expect(stdout(run(session, 'print(u.grad, v.grad)'))).toBe('None None\n')
    run(session, 'f.backward()')
    graphOf(session, 'f')
    expect(stdout(run(session, 'print(u.grad, v.grad)'))).toBe('tensor(4.) tensor(1.)\n')
    // The view did not retain the graph for the learner: a second backward fails as in PyTorch.
    const again = run(session, 'f.backward()')
    expect(errorLine(again)).toMatch(/^RuntimeError: Trying to backward through the graph a second/)
    expect(stdout(run(session, 'print(u.grad)'))).toBe('tensor(4.)\n')
  })

  it('keeps a retained graph retained: the second backward accumulates as without the view', () => {
    const session = createSession()
    run(session, `${LEAVES}f = u * v + u ** 2\nf.backward(retain_graph=True)\ng = u.grad`)
    const graph = graphOf(session, 'f')
    // What a second pass would add, not what .grad holds after the first.
    expect(byLabel(graph, 'u')!.gradient).toEqual([4])
    run(session, 'f.backward()')
    // g is the .grad tensor the first pass made, added into in place: the view never replaced it.
    expect(stdout(run(session, 'print(u.grad, v.grad, g)'))).toBe(
      'tensor(8.) tensor(2.) tensor(8.)\n',
    )
  })

  it('says the backward pass is unavailable once backward() freed the saved tensors', () => {
    const session = createSession()
    run(session, `${LEAVES}f = u * v + u ** 2\nf.backward()`)
    const graph = graphOf(session, 'f')
    expect(graph.backward.status).toBe('freed')
    expect(graph.backward.status === 'freed' && graph.backward.message).toMatch(
      /^Trying to backward through the graph a second time/,
    )
    // The forward graph is all there; no gradient is made up.
    expect(graph.nodes).toHaveLength(5)
    expect(byLabel(graph, 'u * v')?.value).toEqual([2])
    expect(graph.nodes.every((node) => node.gradient.length === 0)).toBe(true)
    expect(graph.steps).toEqual([])
    expect(stdout(run(session, 'print(u.grad, v.grad)'))).toBe('tensor(4.) tensor(1.)\n')
  })

  it('still runs a pass PyTorch can run again: an add saves no tensor', () => {
    const session = createSession()
    run(session, `${LEAVES}s = u + v\ns.backward()`)
    const graph = graphOf(session, 's')
    expect(graph.backward).toEqual({ status: 'ran', seed: 'one' })
    expect(byLabel(graph, 'u')!.gradient).toEqual([1])
    expect(stdout(run(session, 's.backward()\nprint(u.grad)'))).toBe('tensor(2.)\n')
  })

  it("shows a linspace's sum: x.grad[i] = 2 x[i], the lab's derivative at many values", () => {
    const session = createSession()
    run(
      session,
      'import torch\nx = torch.linspace(-2, 2, 5, requires_grad = True)\ny = torch.sum(x ** 2)',
    )
    const graph = graphOf(session, 'y')
    expect(graph.nodes.map((node) => node.name)).toEqual([
      'AccumulateGrad',
      'PowBackward0',
      'SumBackward0',
    ])
    expect(graph.nodes[0]).toMatchObject({ label: 'x', shape: [5], value: [-2, -1, 0, 1, 2] })
    expect(graph.nodes[0]!.gradient).toEqual([-4, -2, 0, 2, 4])
    expect(graph.nodes[2]!.label).toBe('torch.sum(x ** 2)')
  })

  it('seeds a vector with ones (the sum trick) and says so', () => {
    const session = createSession()
    run(session, 'import torch\nx = torch.linspace(-2, 2, 5, requires_grad = True)\nY = x ** 2')
    const graph = graphOf(session, 'Y')
    expect(graph.backward).toEqual({ status: 'ran', seed: 'ones' })
    expect(graph.nodes[0]!.gradient).toEqual([-4, -2, 0, 2, 4])
    expect(graph.nodes[1]!.gradient).toEqual([1, 1, 1, 1, 1])
  })

  it('gives float32 gradients the bits the notebook backward gives', () => {
    const session = createSession()
    run(session, 'import torch\nx = torch.tensor(0.1, requires_grad=True)\ny = (x * x + x) / 3')
    const shown = graphOf(session, 'y').nodes[0]!.gradient[0]
    run(session, 'y.backward()\ng = x.grad.item()')
    expect(stdout(run(session, 'print(g)'))).toBe(`${shown}\n`)
    expect(shown).toBe(0.4000000059604645) // PyTorch 1.13's x.grad.item(), not (2·0.1 + 1)/3 in float64
  })

  it("adds a shared input's float32 shares as backward() does: in float32, the last-made first", () => {
    const session = createSession()
    // 4.09 + 5.43 + 2.21 is 11.7300005 in float32 in PyTorch's order, 11.7299995 summed in float64.
    const cell =
      'import torch\nx = torch.tensor(0.1, requires_grad=True)\na = x * 2.21\nb = x * 5.43\nc = x * 4.09\ny = (c + b) + a'
    run(session, cell)
    const shown = byLabel(graphOf(session, 'y'), 'x')!.gradient[0]
    run(session, 'y.backward()\ng = x.grad.item()')
    expect(stdout(run(session, 'print(g)'))).toBe('11.730000495910645\n')
    expect(shown).toBe(11.730000495910645)
  })

  it('is the leaf alone for a leaf, with the seed as its gradient', () => {
    const session = createSession()
    run(session, LEAVES)
    const graph = graphOf(session, 'u')
    expect(graph.nodes).toMatchObject([{ kind: 'leaf', label: 'u', gradient: [1] }])
    expect(graph.steps).toEqual([])
    expect(stdout(run(session, 'print(u.grad)'))).toBe('None\n')
  })

  it('names an op made in an earlier cell and a loop by its own source', () => {
    const session = createSession()
    run(session, `${LEAVES}w = u * 3`)
    run(session, 'for i in range(2):\n    w = w + v')
    const graph = graphOf(session, 'w')
    expect(graph.nodes.map((node) => node.label)).toEqual(['u', 'u * 3', 'v', 'w + v', 'w + v'])
    expect(graph.nodes[1]!.source?.executionCount).toBe(1)
    expect(graph.nodes[4]!.source?.span).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 13 })
    expect(byLabel(graph, 'v')!.gradient).toEqual([2])
  })

  it('shows x[i] as the one node PyTorch records, SelectBackward0, which a freed graph still runs', () => {
    const session = createSession()
    run(session, 'import torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\nz = x[-1] ** 2')
    const graph = graphOf(session, 'z')
    expect(graph.nodes.map((node) => [node.name, node.label])).toEqual([
      ['AccumulateGrad', 'x'],
      ['SelectBackward0', 'x[-1]'],
      ['PowBackward0', 'x[-1] ** 2'],
    ])
    expect(graph.nodes[0]!.gradient).toEqual([0, 0, 6])
    expect(stdout(run(session, 'z.backward()\nprint(x.grad)'))).toBe('tensor([0., 0., 6.])\n')
    run(session, 's = x[1]\ns.backward()')
    expect(graphOf(session, 's').backward).toEqual({ status: 'ran', seed: 'one' })
    expect(stdout(run(session, 's.backward()\nprint(x.grad)'))).toBe('tensor([0., 2., 6.])\n')
  })

  it('says where there is no graph: a tensor without grad', () => {
    const session = createSession()
    run(session, 'import torch\nt = torch.tensor(3.0)')
    expect(graphOf(session, 't')).toMatchObject({
      nodes: [],
      output: null,
      backward: { status: 'no-grad' },
    })
  })

  it('refuses an unknown name, a value that is no tensor, and a graph past the limit', () => {
    const session = createSession()
    run(
      session,
      `${LEAVES}k = 3\nw = u\nfor i in range(${LIMITS.notebook.graphNodes}):\n    w = w * 1`,
    )
    expect(messageOf(notebookGraph(session, { session: 's', name: 'q' }))).toBe(
      "NameError: name 'q' is not defined",
    )
    expect(messageOf(notebookGraph(session, { session: 's', name: 'k' }))).toBe(
      "TypeError: 'k' is a int, not a Tensor: only a tensor has a graph",
    )
    expect(messageOf(notebookGraph(session, { session: 's', name: 'w' }))).toBe(
      `The graph of 'w' has ${LIMITS.notebook.graphNodes + 1} nodes; the graph view draws at most ${LIMITS.notebook.graphNodes}.`,
    )
    const refused = notebookGraph(session, { session: 's', name: 'q' })
    expect(!refused.ok && refused.diagnostics[0]?.code).toBe('no-graph')
  })
})

describe("a cell's graph names", () => {
  it('are the tensors requiring grad the cell bound, then the echoed namespace tensor', () => {
    const session = createSession()
    expect(run(session, `${LEAVES}n = 2\nc = torch.tensor(1.0)\nf = u * v`).tensors).toEqual([
      'u',
      'v',
      'f',
    ])
    expect(run(session, 'f').tensors).toEqual(['f'])
    expect(run(session, 'u * v').tensors).toEqual([])
    expect(runCell(session, 'h = u * 2', { mode: 'script' }).tensors).toEqual([])
  })
})

describe('the sessions', () => {
  it('answer for the namespace asked, and do not make one by asking', () => {
    const sessions = new NotebookSessions()
    sessions.run({ session: 'a', source: `${LEAVES}f = u * v` })
    const answer = sessions.graph({ session: 'a', name: 'f' })
    expect(answer.ok && answer.value.nodes.length).toBe(3)
    expect(messageOf(sessions.graph({ session: 'b', name: 'f' }))).toBe(
      "NameError: name 'f' is not defined",
    )
  })
})

describe('notebookGraph over the worker port', () => {
  it("answers for a session's name, and refuses a request that is not one", () => {
    const session = 'port-test'
    handleMessage({ id: 1, method: 'runCell', params: { session, source: `${LEAVES}f = u * v` } })
    const answer = handleMessage({ id: 2, method: 'notebookGraph', params: { session, name: 'f' } })
    expect(answer?.result.ok && (answer.result.value as NotebookGraphResult).nodes).toHaveLength(3)
    for (const params of [{ session }, { session, name: '1f' }, { session, name: 'f', x: 1 }, 7]) {
      const refused = handleMessage({ id: 3, method: 'notebookGraph', params })?.result
      expect(refused?.ok === false && refused.diagnostics[0]?.code).toBe('invalid-request')
    }
  })
})
