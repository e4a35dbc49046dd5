import { benchNotebook } from './bench-notebook'
console.log(benchNotebook(60, 15))
