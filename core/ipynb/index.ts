export * from './notebook'
export { readNotebook } from './read'
export { lines, writeNotebook } from './write'
