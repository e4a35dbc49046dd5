import type { ToneContext } from '../audio/audio-trace'

/** One call on an AudioParam or a node, as the fake context records it. */
export interface AudioEvent {
  node: number
  kind: 'frequency' | 'gain' | 'start' | 'stop' | 'type'
  value: number | string
  at: number
}

/**
 * A stand-in for Web Audio's AudioContext in tests: it makes no sound and records every scheduled change,
 * so a test can read the notes and ticks the trace would play.
 */
export function createFakeAudio(): { context: ToneContext; events: AudioEvent[]; ended(): void } {
  const events: AudioEvent[] = []
  const oscillators: { onended: (() => void) | null }[] = []
  let nodes = 0
  const param = (node: number, kind: 'frequency' | 'gain') => ({
    setValueAtTime(value: number, at: number) {
      events.push({ node, kind, value, at })
    },
  })
  const context = {
    currentTime: 10,
    state: 'running',
    destination: {},
    resume: async () => undefined,
    createOscillator() {
      const node = nodes++
      const oscillator = {
        frequency: param(node, 'frequency'),
        onended: null as (() => void) | null,
        set type(value: string) {
          events.push({ node, kind: 'type', value, at: 0 })
        },
        connect: () => undefined,
        start: (at = 0) => events.push({ node, kind: 'start', value: 0, at }),
        stop: (at = -1) => events.push({ node, kind: 'stop', value: 0, at }),
      }
      oscillators.push(oscillator)
      return oscillator
    },
    createGain() {
      const node = nodes++
      return { gain: param(node, 'gain'), connect: () => undefined }
    },
  }
  return {
    context: context as unknown as ToneContext,
    events,
    // The first oscillator is the tone: it ending ends the sweep.
    ended: () => oscillators[0]?.onended?.(),
  }
}
