import type { CellOutput } from '../protocol/notebook'

/** A script's outputs as a terminal shows them: prints on stdout; warnings and the traceback on stderr. */
export function notebookScriptText(outputs: readonly CellOutput[]): {
  stdout: string
  stderr: string
} {
  let stdout = ''
  let stderr = ''
  for (const output of outputs) {
    if (output.type === 'stream') {
      if (output.name === 'stdout') stdout += output.text
      else stderr += output.text
    } else if (output.type === 'warning') stderr += output.text
    else if (output.type === 'error') {
      // Python's traceback alone, so its last line is Python's: the one-line why is the app's.
      stderr += output.traceback.join('\n') + '\n'
    } else if (output.type === 'execute_result') stdout += output.text + '\n'
  }
  return { stdout, stderr }
}
