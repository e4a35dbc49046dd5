import { writeNotebook, type NotebookDocument } from '../../core/ipynb'
import type { Delivery } from './deliver'

/** Hands the notebook to the learner as a .ipynb download (Electron asks where to save it). */
export function deliverNotebook(document: NotebookDocument, suggestedName: string): Delivery {
  const text = writeNotebook(document)
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ipynb+json' }))
  const link = window.document.createElement('a')
  link.href = url
  link.download = suggestedName
  window.document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return { kind: 'downloaded', name: suggestedName }
}
