import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * The temporary file's name: beside the target (the same folder is the same file system, where rename is
 * atomic) and short, whatever the target is called. Repeating the target's name in it would push a name
 * near the file system's limit (255 bytes) over it, and the write would fail with ENAMETOOLONG.
 */
const temporaryName = () => `.calculus-lab-${randomBytes(6).toString('hex')}.tmp`

/**
 * Writes `bytes` to `target` so that a reader finds the old file or the whole new one, never a part of it:
 * the bytes go to a temporary file beside the target, are flushed to the disk, and the temporary file is
 * renamed over the target. On failure the temporary file is removed and the error is rethrown, for the
 * caller to turn into its own message (main's diagnostic, the CLI's exit code).
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), temporaryName())
  // 'wx' fails if the name exists: the file is ours to write, and only then ours to remove.
  const handle = await open(temporary, 'wx')
  try {
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
