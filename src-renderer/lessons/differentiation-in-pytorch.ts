import type { Lab } from './types'

/**
 * "Differentiation in PyTorch" as a walkthrough. The math, the values and the order are the lab's; the
 * explanations are ours, written for an app where the learner can drag the point and watch.
 */
export const differentiationInPytorch: Lab = {
  id: 'differentiation-in-pytorch',
  title: 'Differentiation in PyTorch',
  intro:
    'Seven short steps: derivatives at a point, partial derivatives, and whole curves of slopes, each computed the way PyTorch’s autograd does it.',
  steps: [
    {
      id: 'square-at-2',
      title: 'The derivative of x² at x = 2',
      summary: 'One tensor, one backward pass, one slope.',
      explanation: [
        'PyTorch differentiates by recording what you compute. Mark $x$ with `requires_grad=True`, build $y = x^2$ from it, and call `y.backward()`: the slope of $y$ at the current $x$ lands in `x.grad`.',
        'By hand, the power rule gives the same number:',
        '$$\\frac{dy}{dx} = 2x \\quad\\Rightarrow\\quad \\frac{dy}{dx}\\Big|_{x=2} = 2\\cdot 2 = 4$$',
        'Press “Show me” and look at the plot: the dashed tangent touches the parabola at $(2, 4)$ and rises 4 for every step of 1 to the right. Drag the x slider and watch the slope follow $2x$.',
      ],
      torch: `import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
y.backward()
print(y)        # tensor(4., grad_fn=<PowBackward0>)
print(x.grad)   # tensor(4.)`,
      graph: { plot: 0 },
      plots: [
        {
          label: 'Show me',
          expression: 'x^2',
          point: { x: 2 },
          wrt: 'x',
          domain: [-4, 4],
          samples: null,
        },
      ],
      stated: [
        { kind: 'value', plot: 0, equals: 4 },
        { kind: 'partial', plot: 0, variable: 'x', equals: 4 },
      ],
    },
    {
      id: 'quadratic-at-2',
      title: 'A longer polynomial: x² + 2x + 1',
      summary: 'The graph records every term; backward adds their slopes.',
      explanation: [
        'Nothing changes when the function grows: each operation is recorded, and `backward()` walks the record in reverse, adding up how each term moves $y$.',
        'The three terms contribute $2x$, $2$ and $0$:',
        '$$\\frac{dy}{dx} = 2x + 2 \\quad\\Rightarrow\\quad \\frac{dy}{dx}\\Big|_{x=2} = 2\\cdot 2 + 2 = 6$$',
        'At $x = 2$ the function itself is $4 + 4 + 1 = 9$. This curve is $(x+1)^2$, the parabola of step 1 moved one unit left: its lowest point, where the tangent is flat, is at $x = -1$.',
      ],
      torch: `import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
y.backward()
print(y)        # tensor(9., grad_fn=<AddBackward0>)
print(x.grad)   # tensor(6.)`,
      graph: { plot: 0 },
      plots: [
        {
          label: 'Show me',
          expression: 'x^2 + 2x + 1',
          point: { x: 2 },
          wrt: 'x',
          domain: [-5, 4],
          samples: null,
        },
      ],
      stated: [
        { kind: 'value', plot: 0, equals: 9 },
        { kind: 'partial', plot: 0, variable: 'x', equals: 6 },
      ],
    },
    {
      id: 'practice-cubic',
      title: 'Practice: 2x³ + x at x = 1',
      summary: 'Your turn: find the slope, then check it.',
      explanation: [
        'Work out the derivative of $y = 2x^3 + x$ by hand, put in $x = 1$, and type the number below. The app checks it against what autograd computes.',
        'If you want to see the curve first, “Show me” plots it; the slope at the point is the number you are after.',
      ],
      torch: `import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x ** 3 + x
y.backward()
print(x.grad)`,
      plots: [
        {
          label: 'Show me',
          expression: '2x^3 + x',
          point: { x: 1 },
          wrt: 'x',
          domain: [-2, 2],
          samples: null,
        },
      ],
      stated: [{ kind: 'value', plot: 0, equals: 3 }],
      practice: {
        question: 'What is $\\dfrac{dy}{dx}$ for $y = 2x^3 + x$ at $x = 1$?',
        expression: '2x^3 + x',
        point: { x: 1 },
        variable: 'x',
        tolerance: 1e-3,
        hint: 'Differentiate term by term: the power rule turns $2x^3$ into $3\\cdot 2x^{2}$, and $x$ into $1$. Then put in $x = 1$.',
        solution: [
          '$$\\frac{dy}{dx} = 6x^2 + 1$$',
          '$$\\frac{dy}{dx}\\Big|_{x=1} = 6\\cdot 1^2 + 1 = {answer}$$',
          'In PyTorch: `x.grad` holds {answer} after `y.backward()`.',
        ],
      },
    },
    {
      id: 'partials-uv',
      title: 'Partial derivatives of uv + u²',
      summary: 'Two inputs, two gradients from one backward pass.',
      explanation: [
        'With two inputs, each one gets its own slope: the partial derivative, taken while the other input stays put. Mark both $u$ and $v$ with `requires_grad=True`; a single `f.backward()` fills `u.grad` and `v.grad` together.',
        'At $u = 1$, $v = 2$ the function is $f = 2\\cdot 1 + 1^2 = 3$. Holding $v$ fixed:',
        '$$\\frac{\\partial f}{\\partial u} = v + 2u = 2 + 2 = 4$$',
        'Holding $u$ fixed, only the $uv$ term moves:',
        '$$\\frac{\\partial f}{\\partial v} = u = 1$$',
        'The two buttons plot the two slices through the point. Along $u$ the tangent has slope 4; along $v$ the slice is a straight line of slope 1.',
      ],
      // The lab's cell as it wrote it: it never creates u and v (its text says "Let us create u tensor,
      // v tensor and f tensor", the code skips the first two).
      torch: `import torch

# Calculate f(u, v) = v * u + u^2 at u = 1, v = 2
f = u * v + u ** 2
f.backward()
print(f)        # tensor(3., grad_fn=<AddBackward0>)
print(u.grad)   # tensor(4.)
print(v.grad)   # tensor(1.)`,
      pitfall: {
        raises: "NameError: name 'u' is not defined",
        fix: 'The lab’s cell uses u and v without creating them: Python knows a name only after an assignment runs. Create both as tensors that require grad before using them.',
        fixed: `import torch

u = torch.tensor(1.0, requires_grad=True)
v = torch.tensor(2.0, requires_grad=True)
f = u * v + u ** 2
f.backward()
print(f)        # tensor(3., grad_fn=<AddBackward0>)
print(u.grad)   # tensor(4.)
print(v.grad)   # tensor(1.)`,
      },
      graph: { plot: 0 },
      plots: [
        {
          label: 'Show ∂f/∂u',
          expression: 'u*v + u^2',
          point: { u: 1, v: 2 },
          wrt: 'u',
          domain: [-4, 3],
          samples: null,
        },
        {
          label: 'Show ∂f/∂v',
          expression: 'u*v + u^2',
          point: { u: 1, v: 2 },
          wrt: 'v',
          domain: [-3, 5],
          samples: null,
        },
      ],
      stated: [
        { kind: 'value', plot: 0, equals: 3 },
        { kind: 'partial', plot: 0, variable: 'u', equals: 4 },
        { kind: 'partial', plot: 1, variable: 'v', equals: 1 },
      ],
    },
    {
      id: 'many-points',
      title: 'Many values at once: the sum trick',
      summary: 'Ten points, one backward pass, ten slopes.',
      explanation: [
        '`backward()` starts from a single number. To get the slope at many points, put them in one tensor, `x = torch.linspace(-10, 10, 10)`, and differentiate the sum $y = \\sum_i x_i^2$.',
        'Each $x_i$ appears in exactly one term of the sum, so the slope of the sum with respect to $x_i$ is the slope of that term alone:',
        '$$\\frac{\\partial y}{\\partial x_i} = 2x_i$$',
        'After one `y.backward()`, `x.grad` holds $2x$ at all ten points. “Show me” plots exactly those ten samples: the blue points are $x^2$, the orange points its derivative $2x$. The table below is read from the core’s answer.',
      ],
      torch: `import torch
import matplotlib.pylab as plt

x = torch.linspace(-10, 10, 10, requires_grad=True)
Y = x ** 2
y = torch.sum(x ** 2)
y.backward()
plt.plot(x.detach().numpy(), Y.detach().numpy(), label='function')
plt.plot(x.detach().numpy(), x.grad.numpy(), label='derivative')`,
      graph: { plot: 0, sumTrick: true },
      plots: [
        {
          label: 'Show me',
          expression: 'x^2',
          point: { x: 2 },
          wrt: 'x',
          domain: [-10, 10],
          samples: 10,
        },
      ],
      stated: [
        {
          kind: 'gradient-series',
          plot: 0,
          expression: '2x',
          description: 'x.grad = 2x at each of the 10 points',
        },
      ],
    },
    {
      id: 'relu',
      title: 'The ReLU and its derivative',
      summary: 'A kink at 0: slope 0 on the left, 1 on the right.',
      explanation: [
        'The rectified linear unit, $\\mathrm{relu}(x) = \\max(0, x)$, is the workhorse of neural networks. It is flat for negative inputs and the identity for positive ones, so its slope is a step:',
        "$$\\mathrm{relu}'(x) = \\begin{cases} 0 & x < 0 \\\\ 1 & x > 0 \\end{cases}$$",
        'The same sum trick over `torch.linspace(-3, 3, 100)` gives all hundred slopes in one pass. With an even number of evenly spaced points from −3 to 3, no sample lands exactly on 0, where the ReLU has a corner (PyTorch uses 0 there).',
        '“Show me” plots the hundred samples: the orange points sit at 0, then jump to 1.',
      ],
      torch: `import torch
import torch.nn.functional as F
import matplotlib.pylab as plt

x = torch.linspace(-3, 3, 100, requires_grad=True)
Y = F.relu(x)
y = Y.sum()
y.backward()
plt.plot(x.detach().numpy(), Y.detach().numpy(), label='function')
plt.plot(x.detach().numpy(), x.grad.numpy(), label='derivative')`,
      graph: { plot: 0 },
      plots: [
        {
          label: 'Show me',
          expression: 'relu(x)',
          point: { x: 1.5 },
          wrt: 'x',
          domain: [-3, 3],
          samples: 100,
        },
      ],
      stated: [
        {
          kind: 'gradient-series',
          plot: 0,
          // relu(x)/x is 0 left of 0 and 1 right of it; no sample is 0, so it is defined at every one.
          expression: 'relu(x)/x',
          description: 'x.grad = 0 where x < 0 and 1 where x > 0',
        },
      ],
    },
    {
      id: 'autograd-and-the-derivative',
      title: 'Where autograd and the derivative part ways',
      summary: 'At a kink there is no derivative, yet x.grad holds a number: a convention.',
      explanation: [
        'Take 101 samples from −3 to 3, spaced $0.06$ apart, with the middle one exactly $0$: the corner of the ReLU. There the slope from the left is $0$ and the slope from the right is $1$: $\\mathrm{relu}$ has no derivative at $0$.',
        'Autograd still returns a number. PyTorch’s `derivatives.yaml` defines relu’s backward as `threshold_backward(grad, result, 0)`, which passes the gradient only where $\\mathrm{relu}(x) > 0$, so `x.grad` is $0$ at $x = 0$. That $0$ is a convention chosen for training, not a slope; `abs` gets $0$ the same way (`grad * self.sgn()`), and `torch.maximum` splits a tie in half.',
        'The cell builds the samples with `arange`: `torch.linspace(-3, 3, 101)[50]` is not $0$ in PyTorch 1.13 but $-1.1\\cdot 10^{-16}$ in float64 ($-6.7\\cdot 10^{-8}$ in float32), a rounding that lands it just left of the corner, where $0$ is a true slope.',
        '“Show me” plots the 101 samples with the point on the corner. The chart marks the sample at $0$ and draws the two one-sided tangents; the values panel says which value PyTorch returns and why. `calculus-lab gradcheck "relu(x)" --at x=0` fails there (central differences give $0.5$), and `abs(x)` passes at $0$, which proves nothing at a kink.',
      ],
      torch: `import torch
import torch.nn.functional as F
x = (torch.arange(-50, 51) * 3 / 50).requires_grad_()
# x[50] is a sample exactly on the kink of relu:
print(x[50])  # tensor(0., grad_fn=<SelectBackward0>)
y = F.relu(x).sum()
y.backward()
# the middle 0 is PyTorch's convention for relu′(0), not a slope:
print(x.grad[49], x.grad[50], x.grad[51])  # tensor(0.) tensor(0.) tensor(1.)`,
      plots: [
        {
          label: 'Show me',
          expression: 'relu(x)',
          point: { x: 0 },
          wrt: 'x',
          domain: [-3, 3],
          samples: 101,
        },
      ],
      stated: [
        { kind: 'partial', plot: 0, variable: 'x', equals: 0 },
        { kind: 'value', plot: 0, equals: 0 },
      ],
    },
    {
      id: 'practice-uv-squared',
      title: 'Practice: ∂f/∂u of uv + (uv)²',
      summary: 'Your turn: a partial derivative with the chain rule.',
      explanation: [
        'Find the partial derivative of $f = uv + (uv)^2$ with respect to $u$ at $u = 2$, $v = 1$, and type it below.',
        'Remember what a partial derivative means: $v$ is held constant, so it behaves like a number.',
      ],
      torch: `import torch

u = torch.tensor(2.0, requires_grad=True)
v = torch.tensor(1.0, requires_grad=True)
f = u * v + (u * v) ** 2
f.backward()
print(u.grad)`,
      graph: { plot: 0 },
      plots: [
        {
          label: 'Show me',
          expression: 'u*v + (u*v)^2',
          point: { u: 2, v: 1 },
          wrt: 'u',
          domain: [-3, 3],
          samples: null,
        },
      ],
      stated: [{ kind: 'value', plot: 0, equals: 6 }],
      practice: {
        question:
          'What is $\\dfrac{\\partial f}{\\partial u}$ for $f = uv + (uv)^2$ at $u = 2$, $v = 1$?',
        expression: 'u*v + (u*v)^2',
        point: { u: 2, v: 1 },
        variable: 'u',
        tolerance: 1e-3,
        hint: 'The first term gives $v$. For $(uv)^2$ use the chain rule: $2(uv)$ times the derivative of $uv$ with respect to $u$, which is $v$.',
        solution: [
          '$$\\frac{\\partial f}{\\partial u} = v + 2uv\\cdot v = v\\,(1 + 2uv)$$',
          '$$\\frac{\\partial f}{\\partial u}\\Big|_{u=2,\\,v=1} = 1\\cdot(1 + 2\\cdot 2\\cdot 1) = {answer}$$',
          'In PyTorch: `u.grad` holds {answer} after `f.backward()`.',
        ],
      },
    },
  ],
  completion: {
    message:
      'You have done all seven steps: slopes at a point, partial derivatives, and whole curves of slopes, each the way autograd computes them.',
    explore: [
      {
        expression: 'sin(x) * exp(-x^2 / 4)',
        label: 'sin(x)·exp(−x²/4)',
        why: 'The product and chain rules together: drag the point to where the slope is 0.',
      },
      {
        expression: 'abs(x)',
        label: '|x|',
        why: 'A corner like the ReLU’s: what does autograd say the slope is at exactly 0?',
      },
      {
        expression: 'sigmoid(x)',
        label: 'sigmoid(x)',
        why: 'The other classic activation: its slope is largest at 0, and equals σ(x)(1 − σ(x)).',
      },
      {
        expression: 'a * x^2 + b * x',
        label: 'ax² + bx',
        why: 'Three sliders: the partials along a and b are what training a model follows.',
      },
    ],
  },
}
