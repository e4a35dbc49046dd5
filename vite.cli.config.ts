import { defineConfig } from 'vite'

/**
 * The `calculus-lab` command as one self-contained ES module for Node: the core is bundled in, Node's
 * built-ins stay imports. `bin` in package.json points at the output.
 */
export default defineConfig({
  build: {
    ssr: 'core/cli.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      // A native addon cannot be bundled: `plot` loads it from node_modules at run time.
      external: ['@napi-rs/canvas'],
      output: { format: 'es', entryFileNames: 'calculus-lab.mjs' },
    },
  },
  ssr: { target: 'node', noExternal: true },
})
