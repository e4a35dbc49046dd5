import { describe, expect, it } from 'vitest'
import { inProcessApi } from './in-process-api'

describe('inProcessApi', () => {
  it('serves the same API without a port', async () => {
    const result = await inProcessApi.analyze({ expression: 'u*v' })
    expect(result).toMatchObject({ ok: true, value: { variables: ['u', 'v'] } })
  })

  it('validates like the worker does', async () => {
    const result = await inProcessApi.analyze({ expression: 1 } as unknown as {
      expression: string
    })
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
  })
})
