/**
 * Source of the worker thread that builds a generation's HNSW graph while the main thread
 * loads, chunks and embeds. Plain CommonJS in a string so it runs the same under tsx, vitest
 * and compiled builds (a worker cannot load a .ts file by itself).
 *
 * Messages in:  {type:"init", hnswlibPath, dimension, capacity, m, efConstruction, randomSeed}
 *               {type:"add", labels: Int32Array, vectors: Float32Array (labels.length × dimension)}
 *               {type:"write", path}
 * Messages out: {type:"progress", done} every 1,000 points, {type:"written", added, leftOut},
 *               {type:"failed", message}
 */
export const VECTOR_INDEX_WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
let hnswlib, index, dimension, capacity, added = 0, leftOut = 0, done = 0;
function usable(vector) {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i];
    if (!Number.isFinite(value)) return false;
    sum += value * value;
  }
  // Cosine distance to a zero vector is NaN and would poison the graph.
  return sum > 0;
}
parentPort.on("message", (message) => {
  try {
    if (message.type === "init") {
      hnswlib = require(message.hnswlibPath);
      dimension = message.dimension;
      capacity = Math.max(1, message.capacity);
      index = new hnswlib.HierarchicalNSW("cosine", dimension);
      index.initIndex({ maxElements: capacity, m: message.m, efConstruction: message.efConstruction, randomSeed: message.randomSeed });
    } else if (message.type === "add") {
      const { labels, vectors } = message;
      for (let i = 0; i < labels.length; i++) {
        const vector = Array.from(vectors.subarray(i * dimension, (i + 1) * dimension));
        if (usable(vector)) {
          if (added >= capacity) {
            capacity *= 2;
            index.resizeIndex(capacity);
          }
          index.addPoint(vector, labels[i]);
          added++;
        } else {
          leftOut++;
        }
        if (++done % 1000 === 0) parentPort.postMessage({ type: "progress", done });
      }
    } else if (message.type === "write") {
      // Shrink to the exact count: readIndex allocates the saved capacity, used or not.
      if (added > 0 && capacity > added) index.resizeIndex(added);
      index.writeIndexSync(message.path);
      parentPort.postMessage({ type: "written", added, leftOut });
    }
  } catch (error) {
    parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
`;
