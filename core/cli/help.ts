import { FUNCTION_NAMES, usageOf } from '../ops/catalog'
import { LIMITS } from '../protocol/limits'

const DEFAULT_TIMEOUT_S = LIMITS.cliDeadlineMs / 1000
const MOST_TIMEOUT_S = LIMITS.cliMaxDeadlineMs / 1000

/** Words joined with spaces into lines of at most `width` characters, each indented by `indent`. */
function wrapWords(words: readonly string[], width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map((text) => indent + text).join('\n')
}

/** Every function of the catalog, so a new one is documented the day it is added. */
const FUNCTION_LIST = wrapWords(['Functions:', ...FUNCTION_NAMES.map(usageOf)], 96, '  ')

export const HELP = `calculus-lab — derivatives the way PyTorch's autograd computes them

Usage
  calculus-lab grad "<expr>" --at x=2,u=1 [--json] [--timeout s]
  calculus-lab batch [--timeout s] < requests.jsonl
  calculus-lab plot "<expr>" --at x=2 --out plot.png [--wrt x] [--from -5] [--to 5]
                    [--scale 1|2|3] [--background white|transparent|dark] [--samples n]
                    [--timeout s]
  calculus-lab graph "<expr>" --at x=2 [--json | --dot | --out graph.svg|graph.png]
                    [--background light|dark] [--samples n [--wrt x] [--from -5] [--to 5]]
                    [--timeout s]
  calculus-lab run FILE.py | -
  calculus-lab gradcheck "<expr>" --at x=2 [--eps 1e-6] [--atol 1e-5] [--rtol 1e-3] [--json]
  calculus-lab --help | --version

grad    Prints f and every partial derivative at the point, as PyTorch's .grad would
        hold them with requires_grad=True on every variable.
          --at      the point: name=value pairs, comma-separated (every variable needs one)
          --json    print {"value": …, "grad": {"x": …}, "notes": […]} instead of text
        Where a partial is a convention rather than a derivative (a kink of relu, abs,
        min, max or clamp; an infinite slope; a pole; outside a function's domain), a
        note says so under the numbers ("notes" in JSON, empty at ordinary points).
        Every variable given is reported; one the expression does not use has no
        gradient, as PyTorch leaves its .grad: None in text, null in JSON
        (grad "1" --at x=2 prints ∂f/∂x = None).
batch   Reads JSON Lines on standard input, one request per line:
          {"expr": "u*v + u^2", "at": {"u": 1, "v": 2}}
        and writes one line per input line, in order:
          {"value": 3, "grad": {"u": 4, "v": 1}, "notes": []}
        (a variable in "at" that the expression does not use has "grad" null)
        or, for a bad line (bad JSON, bad expression, missing variable):
          {"error": {"code": "…", "message": "…", "span": [start, end]}}
        and goes on with the next line.
gradcheck
        Compares autograd with central differences per variable, as
        torch.autograd.gradcheck does: (f(x+eps) − f(x−eps)) / (2·eps) against the
        backward pass, passing when |autograd − fd| ≤ atol + rtol·|fd|. Prints both
        numbers and the verdict; exit 0 when every variable passes, 1 when one fails.
        At a kink it says what the verdict means (relu at 0 fails, abs at 0 passes,
        and a pass there proves nothing).
plot    Draws f, f′, the tangent and the point as the app's chart, 800 × 480 pixels times
        --scale, into a PNG that Calculus Lab can open again (the plot is saved inside it).
          --at          the point (every variable of the function, and the plotted one)
          --wrt         the plotted variable (default: x if the function uses it)
          --from, --to  the plotted range (default -5 to 5)
          --out         the PNG file to write (written whole or not at all)
          --scale       pixels per chart pixel: 1, 2 or 3 (default 1)
          --background  white (default), transparent, or dark (the dark theme)
          --samples     a fixed number of samples, drawn as points (e.g. 10, as linspace;
                        ${LIMITS.minSamples} to ${LIMITS.maxPointSamples})
graph   Prints the computation graph PyTorch records for f at the point: one node per op,
        named by its grad_fn (PowBackward0, MulBackward0…), the leaves as AccumulateGrad, each
        with its data and its gradient ∂f/∂node; then the backward pass step by step in the
        order PyTorch's engine runs it: upstream gradient × local derivative = what flows to
        each input, and where a value feeds two ops, how the two shares are added.
          --at          the point (every variable of the function)
          --json        the graph as JSON: nodes (id, name, label, spans, value, gradient,
                        inputs) and steps (node, upstream, flows: local, share, before, total)
          --dot         Graphviz DOT in torchviz's style (dot -Tsvg graph.dot > graph.svg)
          --out         draw it, left to right as the app's graph panel: .svg or .png
          --background  light (default) or dark, for --out
          --samples     the lab's sum trick: --wrt becomes linspace(--from, --to, n) and the
                        graph ends in SumBackward0; every node holds a vector
                        (${LIMITS.minSamples} to ${LIMITS.maxGraphSamples})
run     Runs a Python file (or standard input, with -) as the app's notebook runs a cell,
        in the notebook's Python subset with PyTorch 1.13's tensors and autograd, as a
        script: no echo of a bare expression. Prints exactly what python FILE.py prints
        where PyTorch is installed; warnings and, on an error, a traceback whose last line
        is Python's (NameError: name 'u' is not defined) go to stderr, and it exits 1.
        A file is at most ${LIMITS.notebook.sourceLength} characters; a run stops after
        ${LIMITS.notebook.stepBudget.toLocaleString('en-US')} steps of work (its bound instead of --timeout).

Every command
          --timeout     how long one computation (a grad, a batch line, a plot) may run,
                        in seconds (default ${DEFAULT_TIMEOUT_S}, at most ${MOST_TIMEOUT_S}); one that runs longer
                        is stopped: grad and plot exit 4, batch writes an error line
                        {"error": {"code": "timeout", …}} and goes on with the next
        Work is also bounded before it starts: a plot with more samples than its function
        allows is refused with the number that fits.

Numbers that are not finite are written as the strings "NaN", "Infinity" and "-Infinity".

Expressions
  x^2 + 2x + 1    u*v + (u*v)^2    relu(x)    sin(x)/x    torch.exp(-x ** 2)
  Variables: single letters (not e); constants pi, π, e; implicit products (2x, 2(x+1), 2 sin(x)).
${FUNCTION_LIST}
  ln is log; the torch.*, F.* and math.* spellings work too (torch.sin, F.relu, math.erf).

Exit codes
  0  success
  1  the expression has errors (grad, plot, graph), printed with the offending characters
     underlined; the script raised an error (run)
  2  usage error (unknown command or option, malformed --at, bad plot options; nothing is written)
  3  plot or graph --out *.png cannot draw: the package @napi-rs/canvas is not installed
  4  the computation ran past --timeout and was stopped (grad, plot)
  70 internal error (a bug in calculus-lab: please report it)
`
