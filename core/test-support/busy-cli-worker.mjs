// A stand-in for the CLI's worker in core/cli/core-client.test.ts: it answers `gradient` at once, except
// for the expression 'busy', on which it loops forever (only terminating the worker stops it).
import { parentPort } from 'node:worker_threads'

parentPort.on('message', ({ id, params }) => {
  if (params.expression === 'busy') for (;;);
  parentPort.postMessage({
    id,
    result: { ok: true, value: { variables: [], value: 1, gradient: {} } },
  })
})
