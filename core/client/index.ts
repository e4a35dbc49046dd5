export { WorkerClient, type Owner, type WorkerClientOptions } from './worker-client'
export type { SpawnWorker, Timers, WorkerEvents, WorkerTransport } from './transport'
