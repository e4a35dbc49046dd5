/**
 * PyTorch's own error messages for the misuses the engine rejects, word for word where PyTorch has one,
 * so a learner who meets them here recognises them in PyTorch (and can search for them).
 */
export const MESSAGES = {
  /** torch/autograd/__init__.py `_make_grads`. */
  implicitGradNonScalar: 'grad can be implicitly created only for scalar outputs',
  /** torch/csrc/autograd/saved_variable.cpp `ERR_BACKWARD_TWICE`. */
  backwardTwice:
    'Trying to backward through the graph a second time (or directly access saved tensors after they ' +
    'have already been freed). Saved intermediate values of the graph are freed when you call ' +
    '.backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the ' +
    'graph a second time or if you need to access saved tensors after calling backward.',
  /** torch/csrc/autograd/engine.cpp, for an output that is not part of any graph. */
  outputWithoutGrad: 'element 0 of tensors does not require grad and does not have a grad_fn',
  /** torch/csrc/autograd/python_engine.cpp, for `autograd.grad` inputs. */
  inputWithoutGrad: 'One of the differentiated Tensors does not require grad',
  /** torch/csrc/autograd/python_engine.cpp, `allow_unused=False`. */
  unusedInput:
    'One of the differentiated Tensors appears to not have been used in the graph. ' +
    'Set allow_unused=True if this is the desired behavior.',
  /** torch/csrc/autograd/python_variable.cpp, `requires_grad` setter on a non-leaf. */
  requiresGradOnNonLeaf:
    "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
  /** torch/csrc/autograd/variable.cpp `retain_grad`. */
  retainGradWithoutGrad: "can't retain_grad on Tensor that has requires_grad=False",
} as const

/** `Tensor.item()` on more than one element (aten/src/ATen/native/Scalar.cpp). */
export function itemOfManyMessage(count: number): string {
  return `a Tensor with ${count} elements cannot be converted to Scalar`
}

/** A `gradient` whose shape differs from the output's (torch/autograd/__init__.py `_make_grads`). */
export function gradientShapeMessage(gradient: string, output: string): string {
  return `Mismatch in shape: grad_output[0] has a shape of ${gradient} and output[0] has a shape of ${output}.`
}
