import { onBeforeUnmount, onMounted } from 'vue'
import type { MenuCommand } from '../../core/protocol/desktop'
import { desktopBridge } from '../api/desktop'
import { useCommandsStore } from '../stores/commands'

/**
 * Registers handlers for commands while the calling component lives, and forwards the application menu's
 * commands (Electron's preload `onMenu`) to the command store. In the web build there is no menu; the same
 * handlers are reached through buttons and keys.
 */
export function useMenuCommands(handlers: Partial<Record<MenuCommand, () => void>>): void {
  const commands = useCommandsStore()
  const cleanups: (() => void)[] = []
  onMounted(() => {
    for (const [command, handler] of Object.entries(handlers) as [MenuCommand, () => void][]) {
      cleanups.push(commands.register(command, handler))
    }
    const unsubscribe = desktopBridge()?.onMenu((command) => commands.dispatch(command))
    if (unsubscribe) cleanups.push(unsubscribe)
  })
  onBeforeUnmount(() => cleanups.splice(0).forEach((cleanup) => cleanup()))
}
