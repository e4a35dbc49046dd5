import * as ag from '../autograd'
import type { BackwardStep, Tensor } from '../autograd'
import type { Node } from '../expr/ast'
import { compileFor } from '../evaluate/service'
import { interpret } from '../evaluate/interpret'
import type { GraphNode, GraphRequest, GraphResult } from '../protocol/api'
import { ok, type Result } from '../protocol/result'
import { isRecordedReciprocal } from '../ops/node-op'
import { gradientsReached, graphSteps, withoutOuterParentheses } from './steps'
import { torchName } from './torch-name'

/**
 * The graph autograd records for an expression, read from the engine itself: the tensors and grad_fn
 * nodes `interpret` builds (the same path that gives evaluate its value and gradient), the engine's
 * topological order, and the steps its backward pass reports as it runs them. Nothing here computes a
 * value or a derivative of its own: values are `.data`, gradients are what the engine accumulated, and
 * local derivatives are the node's own rule applied to a gradient of ones.
 */

/** The AST nodes that produced each tensor (a leaf is every occurrence of its variable). */
function sourcesOf(values: ReadonlyMap<Node, Tensor>): Map<Tensor, Node[]> {
  const sources = new Map<Tensor, Node[]>()
  for (const [node, tensor] of values) {
    const list = sources.get(tensor)
    if (list) list.push(node)
    else sources.set(tensor, [node])
  }
  return sources
}

function leavesFor(
  variables: readonly string[],
  point: Record<string, number>,
  slice: GraphRequest['slice'],
): Map<string, Tensor> {
  const leaves = new Map<string, Tensor>()
  for (const name of variables) {
    const leaf =
      slice && slice.wrt === name
        ? ag.linspace(slice.domain[0], slice.domain[1], slice.samples, { requiresGrad: true })
        : ag.tensor(point[name]!, { requiresGrad: true })
    leaves.set(name, leaf)
  }
  return leaves
}

function constantsOf(node: Node | undefined, expression: string): string[] {
  if (node === undefined) return []
  const operands =
    node.kind === 'binary' ? [node.left, node.right] : node.kind === 'call' ? node.args : []
  return operands
    .filter((operand) => !containsVariable(operand))
    .map((operand) => expression.slice(operand.span[0], operand.span[1]))
}

function containsVariable(node: Node): boolean {
  switch (node.kind) {
    case 'variable':
      return true
    case 'neg':
      return containsVariable(node.operand)
    case 'binary':
      return containsVariable(node.left) || containsVariable(node.right)
    case 'call':
      return node.args.some(containsVariable)
    default:
      return false
  }
}

/** The text a node came from; `2 / x`'s reciprocal has none, so it reads `1/x`. */
function labelOf(source: Node, expression: string): string {
  if (isRecordedReciprocal(source) && source.kind === 'call') {
    const [divisor] = source.args
    return `1/${expression.slice(divisor!.span[0], divisor!.span[1]).trim()}`
  }
  return withoutOuterParentheses(expression.slice(source.span[0], source.span[1]))
}

export function buildGraph(request: GraphRequest): Result<GraphResult> {
  const compiled = compileFor(request.expression, request.point)
  if (!compiled.ok) return compiled
  const { ast, variables } = compiled.value
  const leaves = leavesFor(variables, request.point, request.slice)
  const values = new Map<Node, Tensor>()
  const f = interpret(ast, leaves, values)
  const root = request.slice && f.requiresGrad ? ag.sum(f) : f
  if (!root.requiresGrad) return ok({ variables, nodes: [], output: null, steps: [] })

  const engineSteps: BackwardStep[] = []
  // retainGraph: the local derivatives below ask each node's rule again, after the pass.
  root.backward({ retainGraph: true, onStep: (step) => engineSteps.push(step) })

  const order = ag.topologicalOrder(root)
  const ids = new Map<Tensor, number>(order.map((tensor, id) => [tensor, id]))
  const gradients = gradientsReached(engineSteps)
  const sources = sourcesOf(values)
  const nameOf = new Map<Tensor, string>([...leaves].map(([name, leaf]) => [leaf, name]))
  const nodes: GraphNode[] = order.map((tensor, id) => {
    const from = sources.get(tensor) ?? []
    const source = from[0]
    // A leaf's gradient is its `.grad`, as evaluate reads it; an op's is what reached its output.
    const gradient = tensor.isLeaf ? tensor.grad : gradients.get(tensor)
    const base = {
      id,
      shape: [...tensor.shape],
      value: tensor.toArray(),
      gradient: gradient ? gradient.toArray() : tensor.toArray().map(() => 0),
    }
    if (tensor.gradFn === null) {
      return {
        ...base,
        kind: 'leaf',
        name: 'AccumulateGrad',
        label: nameOf.get(tensor) ?? '?',
        spans: from.map((node) => node.span),
        constants: [],
        inputs: [],
      }
    }
    const label = source ? labelOf(source, request.expression) : `sum(${request.expression.trim()})`
    return {
      ...base,
      kind: 'op',
      name: torchName(tensor.gradFn.name, source),
      label,
      spans: source ? [source.span] : [],
      constants: constantsOf(source, request.expression),
      inputs: tensor.gradFn.inputs
        .filter((input) => input.requiresGrad)
        .map((input) => ids.get(input)!),
    }
  })
  const steps = graphSteps(engineSteps, ids)
  return ok({ variables, nodes, output: ids.get(root)!, steps })
}
