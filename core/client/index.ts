export {
  WorkerClient,
  type AnswerFor,
  type WorkerApi,
  type MethodOf,
  type Owner,
  type RequestFor,
  type WorkerClientOptions,
} from './worker-client'
export { nodeWorkerTransport, type NodeWorkerLike } from './node-transport'
export type { SpawnWorker, Timers, WorkerEvents, WorkerMessage, WorkerTransport } from './transport'
