// The Playground's Web Worker (web/playground/worker.js). tools/build_wasm.py puts it, after
// emscripten's loader (createPlaygroundModule), inside one function that the page starts as a
// Worker, so training never blocks the page. Messages in and out:
//
//   {type: "init", wasm}                      -> {type: "ready"}
//   {type: "create", id, config, resolution}  -> {type: "state", id, stats, weights, surface,
//                                                 units, train, test, seconds}
//   {type: "train", id, epochs, resolution}   -> {type: "state", id, stats, weights, surface,
//                                                 seconds}
//   any failure                               -> {type: "error", id, message}

let wasm = null;  // the module: pg_* functions of web/playground/api.cc
let hidden = [];  // the hidden layers' widths of the current trainer
const UNIT_RESOLUTION = 20;

function floats(pointer, count) {
  return Float32Array.from(wasm.HEAPF32.subarray(pointer / 4, pointer / 4 + count));
}

function check(status) {
  if (status !== 0) throw new Error(wasm.ccall("pg_error", "string", [], []));
}

// The numbers the page draws after each step: stats, weights, the decision surface.
function state(id, resolution, started) {
  const message = {type: "state", id, stats: JSON.parse(wasm.ccall("pg_stats", "string", [], []))};
  const pointer = wasm._pg_weights();
  message.weights = floats(pointer, wasm._pg_weight_count());
  if (resolution > 0) {
    message.resolution = resolution;
    message.surface = floats(wasm._pg_surface(resolution), resolution * resolution);
    // Each hidden unit's output on a coarser grid, for the pictures inside the units.
    const units = hidden.reduce((sum, n) => sum + n, 0);
    message.units = floats(wasm._pg_units(UNIT_RESOLUTION),
                           UNIT_RESOLUTION * UNIT_RESOLUTION * units);
    message.unitResolution = UNIT_RESOLUTION;
  }
  message.seconds = (performance.now() - started) / 1000;
  return message;
}

function points(test) {
  const pointer = wasm._pg_points(test);
  return floats(pointer, 3 * wasm._pg_point_count(test));
}

self.onmessage = async (event) => {
  const m = event.data;
  try {
    if (m.type === "init") {
      wasm = await createPlaygroundModule({wasmBinary: m.wasm});
      self.postMessage({type: "ready"});
    } else if (m.type === "create") {
      const started = performance.now();
      hidden = [];
      check(wasm.ccall("pg_create", "number", ["string"], [JSON.stringify(m.config)]));
      hidden = m.config.hidden.slice();
      const message = state(m.id, m.resolution, started);
      message.train = points(0);
      message.test = points(1);
      self.postMessage(message);
    } else if (m.type === "train") {
      const started = performance.now();
      check(wasm._pg_train(m.epochs));
      self.postMessage(state(m.id, m.resolution, started));
    }
  } catch (error) {
    self.postMessage({type: "error", id: m.id, message: String(error && error.message || error)});
  }
};
