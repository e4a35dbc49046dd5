/**
 * The figures on screen, so an export can put each one's pixels in the .ipynb beside its data (Jupyter
 * shows the PNG). A figure registers a reader of its canvas while it is mounted; nothing reactive.
 */
const readers = new Map<string, () => string | null>()
const key = (cellId: string, index: number) => `${cellId}#${index}`

export function registerFigure(cellId: string, index: number, read: () => string | null) {
  readers.set(key(cellId, index), read)
  return () => {
    if (readers.get(key(cellId, index)) === read) readers.delete(key(cellId, index))
  }
}

/** The PNG (base64) of the figure that is output `index` of the cell, when it is on screen. */
export const figurePng = (cellId: string, index: number): string | null =>
  readers.get(key(cellId, index))?.() ?? null
