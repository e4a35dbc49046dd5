export * from './notebook'
export { notebookFromJson, readNotebook } from './read'
export { lines, notebookJson, writeNotebook } from './write'
export { FIGURE_MIME, figureFromJson, figureJson } from './figure'
