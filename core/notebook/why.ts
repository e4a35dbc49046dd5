/**
 * One line under the traceback for the confusions learners meet most (the list): what the message
 * means and what to write instead.
 */
const RULES: { ename: string; match: RegExp; why: string }[] = [
  {
    ename: 'NameError',
    match: /^name '(.+)' is not defined$/,
    why: "Python only knows names a cell has assigned: create '$1' first (for a tensor, torch.tensor(…, requires_grad=True)), or run the cell that does.",
  },
  {
    ename: 'RuntimeError',
    match: /^grad can be implicitly created only for scalar outputs$/,
    why: 'backward() with no argument differentiates one number: reduce the tensor first (y.sum().backward(), the sum trick) or pass gradient=torch.ones_like(y).',
  },
  {
    ename: 'RuntimeError',
    match: /^Trying to backward through the graph a second time/,
    why: 'backward() frees the graph it walked: compute y again before the second backward(), or pass retain_graph=True to the first one.',
  },
  {
    ename: 'RuntimeError',
    match: /^element 0 of tensors does not require grad and does not have a grad_fn$/,
    why: 'Nothing this tensor was computed from requires grad: create the input with requires_grad=True (and not inside torch.no_grad()).',
  },
  {
    ename: 'RuntimeError',
    match: /^Can't call numpy\(\) on Tensor that requires grad/,
    why: 'A tensor in the autograd graph must be detached before numpy or matplotlib can read it: use x.detach().numpy().',
  },
  {
    ename: 'RuntimeError',
    match: /^Only Tensors of floating point and complex dtype can require gradients$/,
    why: 'torch.tensor(2) is an integer tensor, and integers have no derivative: write 2.0 (or dtype=torch.float32).',
  },
  {
    ename: 'RuntimeError',
    match: /^a leaf Variable that requires grad is being used in an in-place operation\.$/,
    why: 'Changing a leaf in place would hide the value its gradient is about: write x = x + 1 for a new tensor, or update it inside with torch.no_grad():.',
  },
  {
    ename: 'AttributeError',
    match: /^module 'torch\.functional' has no attribute/,
    why: 'torch.functional is not torch.nn.functional: relu, sigmoid and softplus are in torch.nn.functional (import torch.nn.functional as F).',
  },
  {
    ename: 'AttributeError',
    match: /^'NoneType' object has no attribute 'zero_'$/,
    why: '.grad is None until a backward() reaches this tensor: call backward() first, or skip zero_() on the first pass.',
  },
  {
    ename: 'StepLimitError',
    match: /./,
    why: 'The notebook stops a cell after a fixed amount of work so the app stays responsive: use fewer iterations or smaller tensors.',
  },
  {
    ename: 'NotSupportedError',
    match: /./,
    why: 'The notebook runs the subset of Python and PyTorch the lab needs (see Notebook language in the README); real Python runs this.',
  },
]

export const NON_LEAF_GRAD_WHY =
  'Only leaves (tensors you created with requires_grad=True) keep .grad: read the leaf, or call y.retain_grad() before backward().'

export function whyOf(ename: string, evalue: string): string | undefined {
  for (const rule of RULES) {
    if (rule.ename !== ename) continue
    const match = rule.match.exec(evalue)
    if (match) return rule.why.replace('$1', match[1] ?? '')
  }
  return undefined
}
