import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { CoreMethod, RequestOf } from '../core/protocol/api'
import {
  channelOf,
  INVOKE_METHODS,
  type DesktopApi,
  type InvokeMethod,
  type SaveNotebookRequest,
  type SavePngRequest,
} from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic } from '../core/protocol/diagnostics'
import { fail, type Result } from '../core/protocol/result'
import {
  validateAnalyzeRequest,
  validateEvaluateRequest,
  validateGraphRequest,
  validateNotebookGraphRequest,
  validateRestartNotebookRequest,
  validateRunCellRequest,
} from '../core/protocol/validate'
import type { Owner } from './core-host'
import { validateSaveNotebookRequest } from './notebook-payload'
import { validateSavePngRequest } from './png-payload'

/**
 * One ipcMain handler per invoke method of the contract, on the channel the contract derives. Every
 * handler checks the sender, then the arguments, and answers a Result: never a throw, because Electron
 * keeps only `message` of an error thrown through `handle` (and a stack would leak paths to the page).
 */
export interface IpcServices {
  core: {
    call<M extends CoreMethod>(
      method: M,
      params: RequestOf<M>,
      owner: Owner,
    ): Promise<Result<unknown>>
  }
  savePng(request: SavePngRequest, event: IpcMainInvokeEvent): Promise<Result<unknown>>
  openPng(event: IpcMainInvokeEvent): Promise<Result<unknown>>
  saveNotebook(request: SaveNotebookRequest, event: IpcMainInvokeEvent): Promise<Result<unknown>>
  isTrustedSender(event: IpcMainInvokeEvent): boolean
}

type Handler = (event: IpcMainInvokeEvent, args: unknown[]) => Promise<Result<unknown>>

const refuse = (field: string, what: string): Result<never> =>
  fail(requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what)))

const ownSession = (event: IpcMainInvokeEvent, session: string): string =>
  `window-${event.sender.id}:${session}`

/** How many arguments each method takes from the page: the preload passes exactly these. */
const ARITY: { [M in InvokeMethod]: Parameters<DesktopApi[M]>['length'] } = {
  evaluate: 1,
  analyze: 1,
  graph: 1,
  runCell: 1,
  restartNotebook: 1,
  notebookGraph: 1,
  savePng: 1,
  openPng: 0,
  saveNotebook: 1,
}

function handlersFor(services: IpcServices): Record<InvokeMethod, Handler> {
  return {
    evaluate: async (event, [payload]) => {
      const request = validateEvaluateRequest(payload)
      return request.ok ? services.core.call('evaluate', request.value, event.sender.id) : request
    },
    analyze: async (event, [payload]) => {
      const request = validateAnalyzeRequest(payload)
      return request.ok ? services.core.call('analyze', request.value, event.sender.id) : request
    },
    graph: async (event, [payload]) => {
      const request = validateGraphRequest(payload)
      return request.ok ? services.core.call('graph', request.value, event.sender.id) : request
    },
    // One worker serves every window: a window's notebook sessions are named after the window, so two
    // windows never share a namespace whatever ids their pages choose.
    runCell: async (event, [payload]) => {
      const request = validateRunCellRequest(payload)
      if (!request.ok) return request
      const session = ownSession(event, request.value.session)
      return services.core.call('runCell', { ...request.value, session }, event.sender.id)
    },
    restartNotebook: async (event, [payload]) => {
      const request = validateRestartNotebookRequest(payload)
      if (!request.ok) return request
      const session = ownSession(event, request.value.session)
      const result = await services.core.call('restartNotebook', { session }, event.sender.id)
      return result.ok ? { ok: true, value: { session: request.value.session } } : result
    },
    // The graph is read from the namespace the window's own cells ran in, never another window's.
    notebookGraph: async (event, [payload]) => {
      const request = validateNotebookGraphRequest(payload)
      if (!request.ok) return request
      const session = ownSession(event, request.value.session)
      return services.core.call('notebookGraph', { ...request.value, session }, event.sender.id)
    },
    savePng: async (event, [payload]) => {
      const request = validateSavePngRequest(payload)
      return request.ok ? services.savePng(request.value, event) : request
    },
    openPng: async (event) => services.openPng(event),
    saveNotebook: async (event, [payload]) => {
      const request = validateSaveNotebookRequest(payload)
      return request.ok ? services.saveNotebook(request.value, event) : request
    },
  }
}

/** A sender that cannot even be checked (a disposed frame's getters throw) is not trusted. */
function trusts(services: IpcServices, event: IpcMainInvokeEvent): boolean {
  try {
    return services.isTrustedSender(event)
  } catch {
    return false
  }
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: IpcServices): void {
  const handlers = handlersFor(services)
  for (const method of INVOKE_METHODS) {
    const handler = handlers[method]
    ipcMain.handle(
      channelOf(method),
      async (event, ...args: unknown[]): Promise<Result<unknown>> => {
        if (!trusts(services, event)) return refuse('sender', 'is not the Calculus Lab window')
        if (args.length !== ARITY[method])
          return refuse(method, `takes ${ARITY[method]} argument${ARITY[method] === 1 ? '' : 's'}`)
        try {
          return await handler(event, args)
        } catch (error) {
          // The stack stays in main's log; the page gets a sentence.
          console.error(`Calculus Lab: ${channelOf(method)} failed`, error)
          return fail(
            requestDiagnostic('internal', MESSAGES.internal(`${method} could not be completed`)),
          )
        }
      },
    )
  }
}
