import { createPinia, setActivePinia } from 'pinia'
import { setCalculusClient } from '../api/calculus'
import { createFakeClient, type FakeClient } from './fake-client'

/** A fresh Pinia and a fresh fake core for one test. */
export function freshStores(): FakeClient {
  setActivePinia(createPinia())
  const client = createFakeClient()
  setCalculusClient(client)
  return client
}

/** Lets queued promise callbacks and animation frames run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
