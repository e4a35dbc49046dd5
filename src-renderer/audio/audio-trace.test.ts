import { describe, expect, it } from 'vitest'
import { createFakeAudio } from '../test-support/fake-audio'
import {
  AudioTrace,
  HIGH_HZ,
  LOW_HZ,
  pitchOf,
  SWEEP_SECONDS,
  type TraceSample,
} from './audio-trace'

/** x² at x = −2…2 in 5 samples: f falls to 0 and rises again. */
const parabola: TraceSample[] = [-2, -1, 0, 1, 2].map((x) => ({ x, f: x * x, df: 2 * x }))

describe('the audio trace', () => {
  it('maps f to a pitch within the y-range, on a log scale, and silence where f is undefined', () => {
    expect(pitchOf(0, [0, 4])).toBe(LOW_HZ)
    expect(pitchOf(4, [0, 4])).toBe(HIGH_HZ)
    expect(pitchOf(2, [0, 4])).toBeCloseTo(440)
    expect(pitchOf(99, [0, 4])).toBe(HIGH_HZ)
    expect(pitchOf(NaN, [0, 4])).toBeNull()
  })

  it('plays the curve left to right: the pitch follows f, and a tick where f′ changes sign', () => {
    const audio = createFakeAudio()
    const trace = new AudioTrace(() => audio.context)
    let ended = false
    trace.play(parabola, [0, 4], () => (ended = true))
    // f = 1 is a quarter of the way up the range 0…4: a quarter of two octaves above 220 Hz.
    const tone = audio.events.filter((event) => event.node === 0 && event.kind === 'frequency')
    expect(tone.map((event) => Math.round(event.value as number))).toEqual([
      880, 311, 220, 311, 880,
    ])
    // Evenly over the sweep, in order.
    const step = SWEEP_SECONDS / parabola.length
    tone.forEach((event, i) => expect(event.at).toBeCloseTo(10.05 + i * step))
    // One tick: f′ goes from −2 to 0 to 2, so its sign changes at x = 1 (index 3), where it is next non-zero.
    const ticks = audio.events.filter(
      (event) => event.kind === 'frequency' && event.node !== 0 && event.value === 1760,
    )
    expect(ticks).toHaveLength(1)
    expect(ticks[0]?.at).toBeCloseTo(10.05 + 3 * step)
    expect(trace.isPlaying).toBe(true)
    audio.ended()
    expect([trace.isPlaying, ended]).toEqual([false, true])
  })

  it('is silent where f is not a number, and stops when asked', () => {
    const audio = createFakeAudio()
    const trace = new AudioTrace(() => audio.context)
    trace.play(
      [
        { x: 0, f: NaN, df: NaN },
        { x: 1, f: 1, df: 1 },
      ],
      [0, 1],
    )
    const gains = audio.events.filter((event) => event.node === 1 && event.kind === 'gain')
    expect(gains.map((event) => event.value)).toEqual([0, 0.12, 0])
    trace.stop()
    expect(trace.isPlaying).toBe(false)
    expect(audio.events.at(-1)).toMatchObject({ node: 0, kind: 'stop' })
  })

  it('plays one sample as a short note, with a tick at a turning point', () => {
    const audio = createFakeAudio()
    const trace = new AudioTrace(() => audio.context)
    trace.playSample({ x: 0, f: 0, df: 0 }, [0, 4], true)
    const frequencies = audio.events.filter((event) => event.kind === 'frequency')
    expect(frequencies.map((event) => event.value)).toEqual([220, 1760])
  })

  it('stays silent without Web Audio', () => {
    const trace = new AudioTrace(() => null)
    trace.play(parabola, [0, 4])
    expect(trace.isPlaying).toBe(false)
  })
})
