import fc from 'fast-check'

/**
 * Notebook source as a learner (or a pasted file) can produce it: grammar-aware, so most inputs reach the
 * interpreter and the engine — statements of the subset with real names, tensors and ops, blocks with
 * indentation (right and wrong), loops near the step budget, f-strings with specs — mixed with noise:
 * unclosed brackets, stray characters, Python outside the subset, deep nesting, huge numbers.
 */
const NAMES = ['x', 'y', 'u', 'v', 'f', 'Y', 'g', 'torch', 'F', 'plt', 'np', 'i']
const ATOMS = [
  '2.0',
  '2',
  '0.1',
  '1e308',
  '-0.0',
  '10**9',
  '10**400',
  "'s'",
  'f"{x:.3f}"',
  'f"{x!r:>10}"',
  'None',
  'True',
  'torch.tensor(2.0, requires_grad=True)',
  'torch.tensor(2)',
  'torch.linspace(-3, 3, 5, requires_grad=True)',
  'torch.arange(5)',
  'torch.zeros(3)',
  'torch.ones(2, requires_grad=True)',
  'torch.float64',
  'x.grad',
  'x.grad_fn',
  'x.shape',
  'x.detach()',
  'x.numpy()',
  'x.item()',
  'x.tolist()',
  'x[0]',
  'x[-9]',
  '[1, 2.5, 3]',
  '(1,)',
  'range(3)',
  'F.relu(x)',
  'F.sigmoid(x)',
  'torch.sin(x)',
  'x.sum()',
  'x.mean()',
  'torch.autograd.grad(y, x, create_graph=True)',
  'plt.plot(x.detach().numpy(), y.detach().numpy(), label="f")',
]
const OPS = [
  ' + ',
  ' - ',
  ' * ',
  ' / ',
  ' ** ',
  ' // ',
  ' % ',
  ' == ',
  ' < ',
  ' and ',
  ' or ',
  '.',
  '',
]
const STATEMENTS = [
  'import torch',
  'import torch.nn.functional as F',
  'import torch.functional as F',
  'import matplotlib.pylab as plt',
  'import numpy as np',
  'import os',
  'from torch import nn',
  'y.backward()',
  'y.sum().backward(retain_graph=True)',
  'x.grad.zero_()',
  'x.grad = None',
  'x.requires_grad_()',
  'y.retain_grad()',
  'x += 1',
  'plt.show()',
  'plt.legend()',
  'plt.xlabel("x")',
  'torch.set_default_dtype(torch.float64)',
  'pass',
  'break',
  'def f(x):',
  'class A:',
  'while True:',
  'lambda: 0',
  'print(*x)',
  '{1: 2}',
  'x[0] = 1',
  'a, b = 1, 2',
  'a, b = [1]',
]
const BLOCKS = [
  'for i in range(3):',
  'for i in range(10**9):',
  'with torch.no_grad():',
  'if x:',
  'else:',
  'elif y:',
]
const NOISE = [
  '(',
  ')',
  '[',
  ']',
  ':',
  '\\',
  '\t',
  '"',
  "'",
  '#',
  '@',
  '$',
  '\u00a0',
  '\u2212',
  '\ud800',
  ';',
  ',',
  '=',
]

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...NAMES, ...ATOMS) },
    {
      weight: 2,
      arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...OPS), tie('expr')).map((p) => p.join('')),
    },
    { weight: 1, arbitrary: tie('expr').map((e) => `(${e})`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('print', 'torch.exp', 'float', 'len', 'abs'), tie('expr'))
        .map(([f, e]) => `${f}(${e})`),
    },
  ),
})).expr

const line = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...NAMES), expression).map(([n, e]) => `${n} = ${e}`),
  },
  { weight: 3, arbitrary: expression },
  { weight: 3, arbitrary: fc.constantFrom(...STATEMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...BLOCKS) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...NOISE), { maxLength: 4 }).map((n) => n.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 150 })
      .map((depth) => '('.repeat(depth) + '1' + ')'.repeat(depth)),
  },
)

export const notebookSource: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom('', '', '    ', '  ', '\t'), line), { maxLength: 14 })
  .map((lines) => lines.map(([indent, text]) => indent + text).join('\n'))
