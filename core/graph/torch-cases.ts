import type { GraphRequest } from '../protocol/api'

/**
 * The expressions whose graphs are checked against PyTorch 1.13 (torch-graphs.fixture.json, written by
 * scripts/graph-torch-fixture.ts): the lab's functions, the practice, and one of every overload whose
 * grad_fn name depends on a Python number.
 */
export const TORCH_GRAPH_CASES: GraphRequest[] = [
  { expression: 'x^2', point: { x: 2 } },
  { expression: 'x^2 + 2*x + 1', point: { x: 2 } },
  { expression: 'u*v + u^2', point: { u: 1, v: 2 } },
  { expression: 'u*v + (u*v)^2', point: { u: 2, v: 1 } },
  { expression: 'x^2', point: { x: 0 }, slice: { wrt: 'x', domain: [-2, 2], samples: 5 } },
  { expression: 'relu(x) * u', point: { x: 1, u: 3 } },
  { expression: '2 - x', point: { x: 1 } },
  { expression: 'x - 2', point: { x: 1 } },
  { expression: 'x^y', point: { x: 2, y: 3 } },
  { expression: '2^x', point: { x: 1 } },
  { expression: 'clamp(x, 0, 1)', point: { x: 0.5 } },
  { expression: '-x / y', point: { x: 1, y: 2 } },
  { expression: '2 / x + 1/(x + 1)', point: { x: 2 } },
  { expression: 'x / 2 + reciprocal(x)', point: { x: 2 } },
  { expression: 'sin(x) * exp(x) + log(x)', point: { x: 1 } },
  { expression: 'min(x, y) + max(x, 1)', point: { x: 1, y: 2 } },
  { expression: 'sigmoid(x) + tanh(x) + sqrt(x) + abs(x)', point: { x: 1 } },
]
