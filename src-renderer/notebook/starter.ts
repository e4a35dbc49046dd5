import type { NotebookDocument } from '../../core/ipynb'

/** The notebook a learner sees first: one cell of the lab to run, and how. */
export function starterNotebook(): NotebookDocument {
  return {
    cells: [
      {
        id: 'welcome',
        kind: 'markdown',
        source:
          '# Notebook\n\nPyTorch cells run here as they run in Jupyter, and print what PyTorch prints. Press **Shift+Enter** to run a cell; cells share their variables. The derivative of $y = x^2$ at $x = 2$:',
        executionCount: null,
        outputs: [],
      },
      {
        id: 'first',
        kind: 'code',
        source:
          'import torch\n\nx = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\ny.backward()\nx.grad',
        executionCount: null,
        outputs: [],
      },
    ],
  }
}
