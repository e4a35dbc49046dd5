import { createPinia } from 'pinia'
import { createApp } from 'vue'
import 'katex/dist/katex.min.css'
import './styles/app.css'
import App from './App.vue'
import { useExpressionStore } from './stores/expression'
import { useNotebookStore } from './stores/notebook'
import { usePersistenceStore } from './stores/persistence'

const pinia = createPinia()
const app = createApp(App).use(pinia)
// Restore the saved session before the first analysis, so the first plot is already the learner's own.
usePersistenceStore(pinia).start()
useNotebookStore(pinia).start()
void useExpressionStore(pinia).analyze()
app.mount('#app')
