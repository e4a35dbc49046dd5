import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    // FC_SEED / FC_RUNS replay or extend the property tests (core/test-support/fast-check-seed.ts).
    setupFiles: ['core/test-support/fast-check-seed.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['core/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'main',
          // The main process and the developer scripts around it: plain Node.
          include: ['src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
    ],
  },
})
