import { writeNotebook, type NotebookDocument } from '../../core/ipynb'
import { desktopBridge } from '../api/desktop'
import type { Delivery } from './deliver'

/**
 * File › Export notebook: the .ipynb goes through the desktop app's native save dialog (main checks the
 * notebook again and writes it), or is a download in the web build.
 */
export async function deliverNotebook(
  document: NotebookDocument,
  suggestedName: string,
): Promise<Delivery> {
  const text = writeNotebook(document)
  const bridge = desktopBridge()
  if (bridge) {
    try {
      const result = await bridge.saveNotebook({ text, suggestedName })
      if (!result.ok) {
        return {
          kind: 'failed',
          message: result.diagnostics[0]?.message ?? 'The notebook was not saved.',
        }
      }
      return result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'cancelled' }
    } catch (error) {
      return { kind: 'failed', message: `The notebook was not saved: ${String(error)}` }
    }
  }
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
