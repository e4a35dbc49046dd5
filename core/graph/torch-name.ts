import type { Node } from '../expr/ast'
import { isPythonNumber } from '../ops/node-op'

/**
 * The grad_fn class PyTorch 1.13 records for the op an AST node ran, from the engine's own node name
 * (`MulBackward0`…, core/autograd/apply.ts). Where PyTorch picks an overload by whether an argument is
 * a Python number, the name says which (checked against torch in graph.test.ts):
 * `x ** 2` is pow(Tensor, Scalar) = PowBackward0 and `x ** y` pow(Tensor, Tensor) = PowBackward1;
 * `2 - x` is Tensor.__rsub__ = RsubBackward1; clamp with number bounds is ClampBackward1.
 */
export function torchName(engineName: string, node: Node | undefined): string {
  if (engineName === 'PowScalarBackward0') return 'PowBackward0'
  if (engineName === 'PowBackward0') return 'PowBackward1'
  if (node === undefined) return engineName
  if (engineName === 'SubBackward0' && node.kind === 'binary' && isPythonNumber(node.left)) {
    return 'RsubBackward1'
  }
  if (engineName === 'ClampBackward0' && node.kind === 'call') {
    const [, low, high] = node.args
    if (low && high && isPythonNumber(low) && isPythonNumber(high)) return 'ClampBackward1'
  }
  return engineName
}
