import { describe, expect, it } from 'vitest'
import { LIMITS } from '../protocol/limits'
import { lines, readNotebook, writeNotebook, type NotebookDocument } from './index'

/** A notebook as Jupyter 7 saves one: list-of-lines sources, a figure, an error, a 4.4 cell without id. */
const jupyterSaved = {
  cells: [
    { cell_type: 'markdown', id: 'intro', metadata: {}, source: ['# Title\n', 'Math: $x^2$'] },
    {
      cell_type: 'code',
      execution_count: 3,
      id: 'a1',
      metadata: { tags: [] },
      outputs: [
        { name: 'stdout', output_type: 'stream', text: ['tensor(4.)\n'] },
        {
          data: { 'text/plain': ['tensor(4., grad_fn=<PowBackward0>)'] },
          execution_count: 3,
          metadata: {},
          output_type: 'execute_result',
        },
        {
          data: {
            'image/png': 'iVBORw0KGgo=\n',
            'text/plain': ['<Figure size 640x480 with 1 Axes>'],
          },
          metadata: { needs_background: 'light' },
          output_type: 'display_data',
        },
      ],
      source: ['y = x ** 2\n', 'y'],
    },
    {
      cell_type: 'code',
      execution_count: 4,
      metadata: {},
      outputs: [
        {
          ename: 'NameError',
          evalue: "name 'u' is not defined",
          output_type: 'error',
          traceback: ['Traceback (most recent call last)', "NameError: name 'u' is not defined"],
        },
      ],
      source: 'f = u * v',
    },
    { cell_type: 'raw', metadata: {}, source: '' },
  ],
  metadata: { kernelspec: { name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 4,
}

function read(value: unknown) {
  return readNotebook(typeof value === 'string' ? value : JSON.stringify(value), 'lab.ipynb')
}

function refusal(value: unknown): string {
  const result = read(value)
  if (result.ok) throw new Error('expected a refusal')
  expect(result.diagnostics[0]?.code).toBe('file-problem')
  return result.diagnostics[0]?.message ?? ''
}

describe('reading a .ipynb', () => {
  it('reads the cells, sources and outputs of a notebook Jupyter saved', () => {
    const result = read(jupyterSaved)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [intro, code, failing, raw] = result.value.cells
    expect(intro).toEqual({
      id: 'intro',
      kind: 'markdown',
      source: '# Title\nMath: $x^2$',
      executionCount: null,
      outputs: [],
    })
    expect(code?.source).toBe('y = x ** 2\ny')
    expect(code?.executionCount).toBe(3)
    expect(code?.outputs).toEqual([
      { kind: 'stream', name: 'stdout', text: 'tensor(4.)\n' },
      { kind: 'result', text: 'tensor(4., grad_fn=<PowBackward0>)' },
      {
        kind: 'display',
        text: '<Figure size 640x480 with 1 Axes>',
        png: 'iVBORw0KGgo=',
        figure: null,
      },
    ])
    expect(failing?.id).toBe('cell-3')
    expect(failing?.outputs[0]).toMatchObject({ kind: 'error', ename: 'NameError' })
    expect(raw?.kind).toBe('raw')
  })

  it('writes what it reads back unchanged (the app opens its own exports)', () => {
    const first = read(jupyterSaved)
    if (!first.ok) throw new Error('unreadable')
    const written = writeNotebook(first.value)
    const second = read(written)
    expect(second).toEqual(first)
    expect(writeNotebook((second as { value: NotebookDocument }).value)).toBe(written)
  })

  it.each([
    ['text that is not JSON', '{"cells": [', 'it is not JSON'],
    ['a list', [], 'the notebook must be an object'],
    ['nbformat 3', { ...jupyterSaved, nbformat: 3 }, 'it is nbformat 3; only nbformat 4'],
    ['no nbformat', { cells: [], metadata: {} }, "it has no 'nbformat' (4)"],
    ['a fractional minor', { ...jupyterSaved, nbformat_minor: 1.5 }, "'nbformat_minor'"],
    ['no metadata', { ...jupyterSaved, metadata: null }, "its 'metadata' must be an object"],
    ['cells that are not a list', { ...jupyterSaved, cells: {} }, "its 'cells' must be an array"],
    [
      'an unknown cell type',
      { ...jupyterSaved, cells: [{ cell_type: 'widget', metadata: {}, source: '' }] },
      "cell 1's 'cell_type' must be code, markdown or raw",
    ],
    [
      'a source that is a number',
      { ...jupyterSaved, cells: [{ cell_type: 'code', metadata: {}, source: 4, outputs: [] }] },
      "cell 1's 'source' must be text or a list of lines",
    ],
    [
      'a source list holding a number',
      { ...jupyterSaved, cells: [{ cell_type: 'markdown', metadata: {}, source: ['a', 1] }] },
      "cell 1's 'source' must be text or a list of lines",
    ],
    [
      'an id with a space',
      { ...jupyterSaved, cells: [{ cell_type: 'raw', id: 'a b', metadata: {}, source: '' }] },
      "cell 1's 'id' must be 1 to 64 letters",
    ],
    [
      'an unknown output type',
      {
        ...jupyterSaved,
        cells: [
          { cell_type: 'code', metadata: {}, source: '', outputs: [{ output_type: 'pyout' }] },
        ],
      },
      "cell 1, output 1's 'output_type' must be stream",
    ],
    [
      'a negative execution count',
      {
        ...jupyterSaved,
        cells: [{ cell_type: 'code', execution_count: -1, metadata: {}, source: '', outputs: [] }],
      },
      "cell 1's 'execution_count' must be a whole number or null",
    ],
    [
      'a figure that is not base64',
      {
        ...jupyterSaved,
        cells: [
          {
            cell_type: 'code',
            metadata: {},
            source: '',
            outputs: [
              { output_type: 'display_data', data: { 'image/png': '<svg>' }, metadata: {} },
            ],
          },
        ],
      },
      'image/png is not base64',
    ],
  ])('refuses %s, saying where', (_name, file, why) => {
    const message = refusal(file)
    expect(message.startsWith('lab.ipynb is not a notebook Calculus Lab can open: ')).toBe(true)
    expect(message).toContain(why)
  })
})

describe('hostile .ipynb files are refused within the limits', () => {
  const timed = (make: () => string) => {
    const text = make()
    const start = performance.now()
    const message = refusal(text)
    expect(performance.now() - start).toBeLessThan(2000)
    return message
  }

  it('a file larger than the limit is refused before it is parsed', () => {
    const message = timed(() => ' '.repeat(LIMITS.ipynb.fileChars + 1))
    expect(message).toContain('larger than 16 MB')
  })

  it('a million cells are counted, not walked', () => {
    const message = timed(() =>
      JSON.stringify({ ...jupyterSaved, cells: Array.from({ length: 1_000_000 }, () => 0) }),
    )
    expect(message).toContain("its 'cells' has 1000000 items; at most 1000 are allowed")
  })

  it('a cell with thousands of keys is refused', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))
    const message = timed(() => JSON.stringify({ ...jupyterSaved, cells: [wide] }))
    expect(message).toContain('cell 1 has 5000 keys')
  })

  it('a source of a million one-character lines stops at the source limit', () => {
    const source = Array.from({ length: LIMITS.ipynb.sourceChars + 1 }, () => 'a')
    const cells = [{ cell_type: 'markdown', metadata: {}, source }]
    const message = timed(() => JSON.stringify({ ...jupyterSaved, cells }))
    expect(message).toContain("cell 1's 'source' has 100001 items")
  })

  it('nesting deep enough to overflow the parser is "not JSON", not a crash', () => {
    expect(timed(() => '['.repeat(1_000_000))).toContain('it is not JSON')
  })

  it("a '__proto__' key is only a key", () => {
    const text = JSON.stringify(jupyterSaved).replace('"metadata":{}', '"__proto__":{"polluted":1}')
    const result = read(text)
    expect(result.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('two cells with one id get distinct ids', () => {
    const cells = [
      { cell_type: 'raw', id: 'same', metadata: {}, source: '' },
      { cell_type: 'raw', id: 'same', metadata: {}, source: '' },
    ]
    const result = read({ ...jupyterSaved, cells })
    expect(result.ok && result.value.cells.map((c) => c.id)).toEqual(['same', 'same-2'])
  })
})

describe('writing a .ipynb', () => {
  it('writes sources as Jupyter does: lines keep their newline, the last one has none', () => {
    expect(lines('a\nb')).toEqual(['a\n', 'b'])
    expect(lines('a\nb\n')).toEqual(['a\n', 'b\n'])
    expect(lines('')).toEqual([])
  })

  it('writes nbformat 4.5 with outputs of each type and the execution count on results', () => {
    const written = JSON.parse(
      writeNotebook({
        cells: [
          {
            id: 'c1',
            kind: 'code',
            source: 'x.grad',
            executionCount: 2,
            outputs: [
              { kind: 'stream', name: 'stderr', text: 'UserWarning: …\n' },
              { kind: 'result', text: 'tensor(4.)' },
              {
                kind: 'display',
                text: '<Figure size 640x480 with 1 Axes>',
                png: 'iVBO',
                figure: null,
              },
              { kind: 'error', ename: 'NameError', evalue: 'x', traceback: ['NameError: x'] },
            ],
          },
        ],
      }),
    ) as { nbformat: number; nbformat_minor: number; cells: Record<string, unknown>[] }
    expect(written.nbformat).toBe(4)
    expect(written.nbformat_minor).toBe(5)
    expect(written.cells[0]).toEqual({
      cell_type: 'code',
      execution_count: 2,
      id: 'c1',
      metadata: {},
      outputs: [
        { name: 'stderr', output_type: 'stream', text: ['UserWarning: …\n'] },
        {
          data: { 'text/plain': ['tensor(4.)'] },
          execution_count: 2,
          metadata: {},
          output_type: 'execute_result',
        },
        {
          data: { 'image/png': 'iVBO', 'text/plain': ['<Figure size 640x480 with 1 Axes>'] },
          metadata: {},
          output_type: 'display_data',
        },
        { ename: 'NameError', evalue: 'x', output_type: 'error', traceback: ['NameError: x'] },
      ],
      source: ['x.grad'],
    })
  })
})

describe("a figure's data beside its PNG", () => {
  const figure = {
    series: [
      { x: [0, 1], y: [0, Number.NaN], label: 'function', color: '#1f77b4', cycle: 'C0' },
      { x: [0, 1], y: [0, 2], label: null, color: '#ff7f0e', cycle: 'C1' },
    ],
    xlabel: 'x',
    ylabel: '',
    title: 'relu',
    legend: true,
  }

  it('round-trips, a NaN written as null', () => {
    const doc: NotebookDocument = {
      cells: [
        {
          id: 'p',
          kind: 'code',
          source: 'plt.show()',
          executionCount: 1,
          outputs: [{ kind: 'display', text: '<Figure>', png: null, figure }],
        },
      ],
    }
    const text = writeNotebook(doc)
    expect(text).toContain('"application/vnd.calculus-lab.figure+json"')
    expect(text).toContain('null')
    expect(read(text)).toEqual({ ok: true, value: doc })
  })

  it.each([
    ['a colour that is not hex', { ...figure, series: [{ ...figure.series[0], color: 'red' }] }],
    ['x and y of different lengths', { ...figure, series: [{ ...figure.series[0], x: [1] }] }],
    ['a title that is a number', { ...figure, title: 3 }],
    ['a string among the numbers', { ...figure, series: [{ ...figure.series[0], y: [0, '1'] }] }],
  ])('drops %s and keeps the output', (_name, bad) => {
    const cells = [
      {
        cell_type: 'code',
        metadata: {},
        source: '',
        outputs: [
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'text/plain': '<Figure>', 'application/vnd.calculus-lab.figure+json': bad },
          },
        ],
      },
    ]
    const result = read({ ...jupyterSaved, cells })
    expect(result.ok && result.value.cells[0]?.outputs[0]).toEqual({
      kind: 'display',
      text: '<Figure>',
      png: null,
      figure: null,
    })
  })
})
