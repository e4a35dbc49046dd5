// A stand-in for core/worker.ts in core-host's unit tests: it speaks the same message protocol
// ({ id, method, params } → { id, result }) and behaves as `params.behavior` says, so a test can make a
// request answer, take a while, hang, crash or exit deterministically.
import { parentPort } from 'node:worker_threads'

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

parentPort.on('message', ({ id, method, params }) => {
  switch (params.behavior) {
    case 'echo':
      parentPort.postMessage({ id, result: { ok: true, value: { method, params } } })
      break
    case 'slow':
      sleep(params.ms)
      parentPort.postMessage({ id, result: { ok: true, value: { method, params } } })
      break
    case 'hang':
      for (;;);
    case 'throw':
      throw new Error('fixture worker failure')
    case 'exit':
      process.exit(3)
      break
    case 'garbage':
      parentPort.postMessage({ id: id + 1000, result: { ok: true, value: 'wrong id' } })
      parentPort.postMessage('not a response')
      parentPort.postMessage({ id, result: { ok: true, value: 'right id' } })
      break
  }
})
