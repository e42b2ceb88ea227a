/** Reads rows straight from a relay's store, as an operator would (either engine: store-reader.ts). */
export { queryStore } from './store-reader.ts';
