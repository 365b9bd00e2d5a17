// Lets a worker thread run TypeScript sources when the app runs from source (CLI,
// tests, benchmarks under tsx). Built apps load the compiled worker directly.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
