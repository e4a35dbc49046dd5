import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { MenuCommand } from '../../core/protocol/desktop'

type Handler = () => void

/**
 * One place where commands are carried out, whatever raised them: the application menu (through the
 * preload's onMenu), a keyboard shortcut or a button. A feature registers its handler for a command and
 * gets back the function that unregisters it; a command without a handler is reported as not handled.
 */
export const useCommandsStore = defineStore('commands', () => {
  const handlers = new Map<MenuCommand, Handler>()
  /** The latest command and whether anything handled it (shown to the learner if not). */
  const last = shallowRef<{ command: MenuCommand; handled: boolean } | null>(null)

  function register(command: MenuCommand, handler: Handler): () => void {
    handlers.set(command, handler)
    return () => {
      if (handlers.get(command) === handler) handlers.delete(command)
    }
  }

  function dispatch(command: MenuCommand): boolean {
    const handler = handlers.get(command)
    handler?.()
    last.value = { command, handled: handler !== undefined }
    return handler !== undefined
  }

  function isRegistered(command: MenuCommand): boolean {
    return handlers.has(command)
  }

  return { last, register, dispatch, isRegistered }
})
