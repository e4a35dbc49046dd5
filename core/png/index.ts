export {
  hasPngSignature,
  imageSize,
  readChunks,
  type PngChunk,
  type PngProblem,
  type PngResult,
} from './chunks'
export { embedSession, readSession, SESSION_KEYWORD, type PlotSession } from './session'
