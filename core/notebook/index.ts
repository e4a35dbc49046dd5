/** The notebook: a Python subset with PyTorch's tensors, run by our own interpreter (never eval). */
export { createSession, runCell, type Session, type RunOptions } from './run'
export { NotebookSessions } from './sessions'
