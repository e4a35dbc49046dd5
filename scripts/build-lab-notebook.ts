import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeNotebook } from '../core/ipynb'
import { LABS } from '../src-renderer/lessons'
import { labNotebook, labNotebookFileName } from '../src-renderer/notebook/lab-notebook'

/**
 * Writes each lab as the Jupyter notebook it is built from (assets/notebooks/<lab>.ipynb), so the lab
 * opens in Jupyter as it does in the app. `npm run build:notebooks`; a unit test fails when a shipped
 * file is out of date with the lesson data.
 */
const root = dirname(dirname(fileURLToPath(import.meta.url)))
const notebooksDir = join(root, 'assets', 'notebooks')

mkdirSync(notebooksDir, { recursive: true })
for (const lab of LABS) {
  const path = join(notebooksDir, labNotebookFileName(lab))
  writeFileSync(path, writeNotebook(labNotebook(lab)))
  console.log(`wrote ${path}`)
}
