import { signChanges } from '../../core/picture/describe'

/**
 * The chart as sound, as Desmos's audio trace does it: a tone whose pitch follows f from left to right
 * (higher f, higher note; silence where f is not a finite number), and a short tick wherever f′ changes
 * sign (a maximum, a minimum or a kink). Web Audio only; the context is made on first use, inside the key
 * press or click that asks for sound (browsers refuse to start audio otherwise).
 */

export interface TraceSample {
  x: number
  f: number
  df: number
}

/** The part of Web Audio the trace uses, so tests can hand in a recording fake. */
export type ToneContext = Pick<
  AudioContext,
  'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'resume' | 'state'
>

/** Two octaves, A3 to A5: low enough to be pleasant, wide enough to hear a small change in f. */
export const LOW_HZ = 220
export const HIGH_HZ = 880
const VOLUME = 0.12
const TICK_HZ = 1760
const TICK_SECONDS = 0.025
/** A sweep from the left edge to the right edge lasts this long, whatever the sample count. */
export const SWEEP_SECONDS = 3
const STEP_SECONDS = 0.18

/** f's pitch within the plotted y-range, on a log scale (equal steps of f sound like equal intervals). */
export function pitchOf(f: number, [bottom, top]: readonly [number, number]): number | null {
  if (!Number.isFinite(f) || !(top > bottom)) return null
  const fraction = Math.min(1, Math.max(0, (f - bottom) / (top - bottom)))
  return LOW_HZ * (HIGH_HZ / LOW_HZ) ** fraction
}

export class AudioTrace {
  private context: ToneContext | null = null
  private playing: { stop(): void } | null = null

  constructor(private readonly createContext: () => ToneContext | null) {}

  get isPlaying(): boolean {
    return this.playing !== null
  }

  private ready(): ToneContext | null {
    this.context ??= this.createContext()
    if (this.context?.state === 'suspended') void this.context.resume()
    return this.context
  }

  /** A tone whose frequency steps through `notes` (null: silent) at `times`, and ticks at `ticks`. */
  private schedule(
    context: ToneContext,
    notes: (number | null)[],
    times: number[],
    ticks: number[],
    end: number,
    onEnded: () => void,
  ): { stop(): void } {
    const tone = context.createOscillator()
    const gain = context.createGain()
    tone.type = 'sine'
    tone.connect(gain)
    gain.connect(context.destination)
    notes.forEach((note, i) => {
      const at = times[i] as number
      gain.gain.setValueAtTime(note === null ? 0 : VOLUME, at)
      if (note !== null) tone.frequency.setValueAtTime(note, at)
    })
    gain.gain.setValueAtTime(0, end)
    const clicks = ticks.map((at) => {
      const click = context.createOscillator()
      const clickGain = context.createGain()
      click.type = 'square'
      click.frequency.setValueAtTime(TICK_HZ, at)
      clickGain.gain.setValueAtTime(VOLUME, at)
      click.connect(clickGain)
      clickGain.connect(context.destination)
      click.start(at)
      click.stop(at + TICK_SECONDS)
      return click
    })
    tone.onended = onEnded
    tone.start(times[0] ?? context.currentTime)
    tone.stop(end)
    return {
      stop: () => {
        tone.onended = null
        tone.stop()
        clicks.forEach((click) => click.stop())
      },
    }
  }

  /** Plays the whole curve from left to right; `onEnded` runs when it finishes by itself. */
  play(
    samples: readonly TraceSample[],
    yRange: readonly [number, number],
    onEnded = () => {},
  ): void {
    this.stop()
    const context = this.ready()
    if (!context || samples.length === 0) return
    const start = context.currentTime + 0.05
    const step = SWEEP_SECONDS / samples.length
    const times = samples.map((_, i) => start + i * step)
    const ticks = signChanges(samples.map((sample) => sample.df)).map((i) => times[i] as number)
    this.playing = this.schedule(
      context,
      samples.map((sample) => pitchOf(sample.f, yRange)),
      times,
      ticks,
      start + SWEEP_SECONDS,
      () => {
        this.playing = null
        onEnded()
      },
    )
  }

  /** One sample's note (and a tick if f′ changes sign there), for stepping with the arrow keys. */
  playSample(sample: TraceSample, yRange: readonly [number, number], turning: boolean): void {
    this.stop()
    const context = this.ready()
    if (!context) return
    const start = context.currentTime + 0.01
    this.playing = this.schedule(
      context,
      [pitchOf(sample.f, yRange)],
      [start],
      turning ? [start] : [],
      start + STEP_SECONDS,
      () => (this.playing = null),
    )
  }

  stop(): void {
    this.playing?.stop()
    this.playing = null
  }
}

/** The browser's AudioContext, or null where there is none (the trace then stays silent). */
export function browserAudioContext(): ToneContext | null {
  const Context = globalThis.AudioContext
  return typeof Context === 'function' ? new Context() : null
}
