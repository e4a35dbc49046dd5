// Node module-resolution hooks (module.register) for running the built main process under plain Node:
// the bare specifier 'electron' resolves to the recording fake instead of the npm package, whose index.js
// would try to download the Electron binary.
const FAKE = new URL('./fake-electron.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true }
  return nextResolve(specifier, context)
}
