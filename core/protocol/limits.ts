/** The limits every untrusted input is held to, in one place. */
export const LIMITS = {
  /** Longest expression a learner may type. */
  expressionLength: 1000,
  /** Deepest nesting of parentheses, calls and unary operators the parser accepts. */
  nestingDepth: 100,
  /** Fewest and most sample points across a plotted domain. */
  minSamples: 2,
  maxSamples: 200_000,
  /** Most samples the CLI's `plot --samples` draws as separate points (the lab's linspace). */
  maxPointSamples: 10_000,
  /**
   * Most samples of a graph's slice (the sum trick): every node and every backward step carries a vector
   * of this length, and the panel draws each as a sparkline.
   */
  maxGraphSamples: 1001,
  /** Most variables one request may carry in `point`. */
  maxVariables: 52,
  /** Longest formula sent for display; a longer one (x^x^x… differentiated) is replaced by a note. */
  displayLatexLength: 4000,
  /**
   * The most work one evaluate may do along its slice, in units of one op × one sample (core/evaluate/
   * work.ts counts them). It is estimated before anything runs, so a request past it is refused with what
   * to do instead, not cut by the deadline. The costliest 999 characters, the tower x^x^…^x, fit 8,016
   * samples (1.5 s on a busy 2-core machine, inside the deadline; 98 s at 200,000 samples with f″); an
   * ordinary function fits LIMITS.maxSamples several times over.
   */
  sampleWork: 20_000_000,
  /** The same for f″, whose recorded double backward costs four to ten times as much per unit. */
  secondDerivativeWork: 6_000_000,
  /** A request that runs longer than this is cut, and its worker replaced. */
  requestDeadlineMs: 2000,
  /**
   * How long one computation of the CLI (a grad, a batch line, a plot) may run before it is cut:
   * the default of --timeout, and its most. A terminal waits longer than a slider drag, never forever.
   */
  cliDeadlineMs: 30_000,
  cliMaxDeadlineMs: 3_600_000,
  /** Largest PNG the renderer may hand to the main process to save, or the app may open. */
  maxPngBytes: 32 * 1024 * 1024,
  /**
   * Most chunks one PNG may have. Encoders write image data in chunks of 8 KiB or more (libpng's default),
   * so a PNG of maxPngBytes has a few thousand; a file of millions of empty chunks is refused unread.
   */
  maxPngChunks: 100_000,
  /** Longest session text a PNG may carry: a full session, escaped to ASCII, is well under 16 KiB. */
  sessionTextLength: 64 * 1024,
  /**
   * Longest notebook text a PNG may carry beside its session (nbformat JSON escaped to ASCII). The lab's
   * notebook with its outputs is about 20 KB; a few MB keeps a long notebook's code and text whole.
   */
  sessionNotebookLength: 4 * 1024 * 1024,
  /**
   * Most keys one untrusted object (a request, a session, saved state) may have. Real ones have at most
   * a dozen; past this, an object is refused before its keys are looked at one by one.
   */
  maxFields: 32,
  /** A key longer than this is cut when a message quotes it. */
  displayedKeyLength: 40,
  /** A file name the renderer suggests is at most this many characters… */
  suggestedNameLength: 200,
  /** …and the saved file's name at most this many characters before `.png`… */
  fileNameStemLength: 100,
  /** …and this many UTF-8 bytes: file systems count bytes (255 at most), and 100 CJK characters are 300. */
  fileNameStemBytes: 200,
  /** Longest saved text the renderer reads back: a session or a lab's progress is a few KB. */
  storedStateLength: 64 * 1024,
  /** Sizes a saved lab progress may reach: far above any lab we ship, low enough to check quickly. */
  labProgress: { steps: 200, stepIdLength: 100, answerLength: 200 },
  /** Narrowest and widest plotted domain: beyond these, floating point or the sample budget stop making sense. */
  minDomainWidth: 1e-6,
  maxDomainWidth: 1e6,
  /**
   * Sizes a .ipynb may reach (core/ipynb). The lab's notebook is 12 KB; a notebook with a few figures
   * is a few MB (each PNG is base64 in the JSON). Counted before anything is parsed or walked.
   */
  ipynb: {
    fileChars: 16 * 1024 * 1024,
    cells: 1000,
    sourceChars: 100_000,
    outputsPerCell: 100,
    outputChars: 1_000_000,
    tracebackLines: 200,
    /** One image (base64) under a cell: a 4K screenshot is well under this. */
    pngChars: 8 * 1024 * 1024,
  },
  /** The notebook (core/protocol/notebook.ts, core/notebook/): what one cell may be and do. */
  notebook: {
    /** Longest cell source: the lab's longest cell is a few hundred characters. */
    sourceLength: 20_000,
    sessionIdLength: 100,
    cellIdLength: 100,
    /** Most notebook sessions one worker keeps; the least recently used one is dropped past this. */
    sessions: 16,
    /**
     * The work one cell may do, in steps: one per statement, expression node and loop iteration, plus one
     * per tensor element an op computes. A cell past it stops with a StepLimitError, well before
     * LIMITS.requestDeadlineMs (`for i in range(10**9): pass` stops in about 0.2 s).
     */
    stepBudget: 2_000_000,
    /** Most iterations of all of one cell's loops together. */
    loopIterations: 1_000_000,
    /** Most elements of one tensor (linspace, arange, zeros, a literal list). */
    tensorElements: 1_000_000,
    /** Deepest nesting of brackets, calls and operators the parser accepts. */
    nestingDepth: 100,
    /** Most characters of output one cell returns; past it the text ends with a note. */
    outputLength: 1_000_000,
    /** Most figures one cell draws, and lines in one figure. */
    figures: 20,
    seriesPerFigure: 50,
    /** Longest variable name notebookGraph accepts: longer than any a learner types. */
    nameLength: 100,
    /**
     * Most nodes of a graph the notebook's graph view draws: a loop of a few hundred steps, more than a
     * drawing can still be read at (the layout and the stepper are per node).
     */
    graphNodes: 400,
  },
} as const
