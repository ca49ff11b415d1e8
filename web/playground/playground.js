// The Playground page: controls and the training loop that drives the Web Worker
// (worker.js, where the book's library runs as WebAssembly). The buttons and
// window.nnPlayground.train() go through the same functions: reset(), play(), pause().
"use strict";

const FEATURES = [  // [name in the library, label]
  ["x1", "x\u2081"], ["x2", "x\u2082"], ["x1^2", "x\u2081\u00b2"], ["x2^2", "x\u2082\u00b2"],
  ["x1x2", "x\u2081x\u2082"], ["sin_x1", "sin x\u2081"], ["sin_x2", "sin x\u2082"]];

const $ = (id) => document.getElementById(id);

// What the controls say: the trainer's config (web/playground/trainer.h).
const config = {
  dataset: "circle", noise: 0, train_ratio: 0.5, points: 500, hidden: [4, 2],
  activation: "tanh", learning_rate: 0.1, batch_size: 10, features: ["x1", "x2"], seed: 1,
};

// What the worker last sent, and the loop's state.
const view = {train: null, test: null, weights: null, surface: null, units: null, stats: null,
              curve: [], started: 0, seconds: 0};
let worker = null, ready = null, nextId = 1, current = 0;  // current: the trainer's id
let playing = false, busy = false, chunk = 1, stopAt = Infinity, onStop = null;
let history = [];
let created = null;  // {id, resolve}: the reset() waiting for its trainer
let lastDraw = 0;  // when draw() last ran (performance.now())

// ---- the worker ----

function startWorker() {
  const source = "(" + nnPlaygroundWorker.toString() + ")()";
  worker = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})));
  worker.onmessage = (event) => receive(event.data);
  worker.onerror = (event) => showError("the worker failed: " + event.message);
  ready = new Promise((resolve, reject) => { worker.ready = resolve; worker.failed = reject; });
  wasmBytes().then((bytes) => worker.postMessage({type: "init", wasm: bytes}, [bytes]),
                   (error) => showError(error.message));
  return ready;
}

// playground.wasm: fetched when the page is served, read from its base64 copy when the page
// is a file (browsers refuse fetch() on file:// pages).
function wasmBytes() {
  if (location.protocol !== "file:") {
    return fetch("playground.wasm").then((r) => {
      if (!r.ok) throw new Error("playground.wasm: HTTP " + r.status);
      return r.arrayBuffer();
    });
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "playground_wasm_inline.js";
    script.onload = () => {
      const text = atob(self.nnPlaygroundWasmBase64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
      resolve(bytes.buffer);
    };
    script.onerror = () => reject(new Error("playground_wasm_inline.js did not load"));
    document.head.appendChild(script);
  });
}

function receive(m) {
  if (m.type === "ready") { worker.ready(); return; }
  if (m.id !== current) return;  // from a trainer that Reset replaced
  busy = false;
  if (m.type === "error") { showError(m.message); pause(); }
  if (created && created.id === m.id) { created.resolve(); created = null; }
  if (m.type === "error") return;
  if (m.train) { view.train = m.train; view.test = m.test; }
  view.weights = m.weights;
  view.surface = m.surface;
  view.units = m.units;
  view.unitResolution = m.unitResolution;
  view.stats = m.stats;
  view.curve.push([m.stats.epoch, m.stats.train_loss, m.stats.test_loss]);
  if (playing) {
    view.seconds = (performance.now() - view.started) / 1000;
    history.push({epoch: m.stats.epoch, test_accuracy: m.stats.test_accuracy,
                  seconds: view.seconds});
    // About 15 to 20 updates a second: as many epochs per message as fit in 40 to 100 ms of
    // the worker's time (drawing takes the main thread a few ms more).
    if (m.seconds < 0.04) chunk = Math.min(chunk * 2, 512);
    else if (m.seconds > 0.1 && chunk > 1) chunk = Math.max(1, Math.floor(chunk / 2));
  }
  // While playing, at most 25 frames a second: drawing the units' pictures costs more than
  // the few epochs a message trains at first.
  const now = performance.now();
  if (!playing || now - lastDraw > 40 || m.stats.epoch >= stopAt) {
    draw();
    lastDraw = now;
  }
  if (playing) {
    if (m.stats.epoch >= stopAt) { pause(); if (onStop) onStop(); } else trainMore();
  }
}

function send(message) {
  busy = true;
  worker.postMessage(message);
}

function trainMore() {
  const epochs = Math.max(1, Math.min(chunk, stopAt - view.stats.epoch));
  send({type: "train", id: current, epochs, resolution: RESOLUTION});
}

// ---- the three buttons ----

// New data and weights from the controls; the epoch count back to 0.
function reset() {
  pause();
  current = nextId++;
  const id = current;
  chunk = 1;  // the first epochs one by one, so the surface is seen forming
  view.curve = [];
  view.stats = null;
  view.units = null;  // the old network's pictures do not fit the new one
  view.seconds = 0;
  history = [];
  $("error").hidden = true;
  return ready.then(() => new Promise((resolve) => {
    if (id !== current) { resolve(); return; }  // another reset came first
    if (created) created.resolve();
    created = {id, resolve};
    send({type: "create", id, config: {...config, hidden: [...config.hidden]},
          resolution: RESOLUTION});
  }));
}

function play() {
  if (playing || !view.stats) return;
  playing = true;
  view.started = performance.now() - view.seconds * 1000;
  $("play-pause").classList.add("playing");
  $("play-pause").innerHTML = "&#10074;&#10074; Pause";
  if (!busy) trainMore();
}

function pause() {
  playing = false;
  $("play-pause").classList.remove("playing");
  $("play-pause").innerHTML = "&#9654; Play";
}

function step() {
  if (playing || busy || !view.stats) return;
  send({type: "train", id: current, epochs: 1, resolution: RESOLUTION});
}

function showError(message) {
  $("error").textContent = "Error: " + message;
  $("error").hidden = false;
}

// ---- the controls ----

function changed() { drawNetwork(); return reset(); }

function toggleFeature(name) {
  const on = config.features.includes(name);
  if (on && config.features.length === 1) return;  // keep one input
  const chosen = new Set(config.features);
  if (on) chosen.delete(name); else chosen.add(name);
  config.features = FEATURES.map(([f]) => f).filter((f) => chosen.has(f));
  changed();
}

function showControls() {
  document.querySelectorAll("#datasets button").forEach((b) =>
    b.classList.toggle("selected", b.dataset.set === config.dataset));
  $("learning-rate").value = String(config.learning_rate);
  $("activation").value = config.activation;
  $("batch-size").value = String(config.batch_size);
  $("train-ratio").value = Math.round(config.train_ratio * 100);
  $("ratio-value").textContent = Math.round(config.train_ratio * 100);
  $("noise").value = Math.round(config.noise * 100);
  $("noise-value").textContent = Math.round(config.noise * 100);
  $("points").value = config.points;
  $("points-value").textContent = config.points;
  $("seed").textContent = config.seed;
}

function bind() {
  $("reset").onclick = () => reset();
  $("play-pause").onclick = () => (playing ? pause() : play());
  $("step").onclick = () => step();
  document.querySelectorAll("#datasets button").forEach((b) => {
    b.onclick = () => { config.dataset = b.dataset.set; showControls(); changed(); };
  });
  const select = (id, key, parse) => {
    $(id).onchange = () => { config[key] = parse($(id).value); changed(); };
  };
  select("learning-rate", "learning_rate", Number);
  select("activation", "activation", String);
  select("batch-size", "batch_size", Number);
  const slider = (id, key, scale) => {
    $(id).oninput = () => { config[key] = $(id).value / scale; showControls(); };
    $(id).onchange = () => changed();
  };
  slider("train-ratio", "train_ratio", 100);
  slider("noise", "noise", 100);
  slider("points", "points", 1);
  $("regenerate").onclick = () => { config.seed += 1; showControls(); changed(); };
  $("add-layer").onclick = () => {
    if (config.hidden.length < 4) { config.hidden.push(2); changed(); }
  };
  $("remove-layer").onclick = () => {
    if (config.hidden.length > 0) { config.hidden.pop(); changed(); }
  };
  $("show-test").onchange = () => drawSurface();
}

// ---- the test interface ----

// Sets the controls to `options`, resets, plays `epochs` epochs and pauses: the same
// reset(), play() and pause() as the buttons. Resolves to the numbers after the last epoch.
function train(options) {
  const o = options || {};
  const keys = {dataset: "dataset", hidden: "hidden", activation: "activation",
                learningRate: "learning_rate", seed: "seed", batchSize: "batch_size",
                noise: "noise", trainRatio: "train_ratio", features: "features",
                points: "points"};
  const saved = JSON.stringify(config);
  for (const key in keys) if (o[key] !== undefined) config[keys[key]] = o[key];
  showControls();
  drawNetwork();
  const epochs = o.epochs === undefined ? 100 : o.epochs;
  return reset().then(() => new Promise((resolve, reject) => {
    if (!view.stats) {  // a config the trainer refused: the controls go back to what they were
      Object.assign(config, JSON.parse(saved));
      showControls();
      drawNetwork();
      reject(new Error($("error").textContent.replace(/^Error: /, "")));
      return;
    }
    stopAt = epochs;
    view.seconds = 0;
    const finish = () => {
      onStop = null;
      stopAt = Infinity;
      const s = view.stats;
      resolve({test_accuracy: s.test_accuracy, train_loss: s.train_loss,
               test_loss: s.test_loss, train_accuracy: s.train_accuracy, epochs: s.epoch,
               seconds: view.seconds, history: history.slice()});
    };
    if (epochs <= 0) { finish(); return; }
    onStop = finish;
    play();
  }));
}

window.nnPlayground = {train, reset, play, pause, step, config, state: () => ({
  playing, epoch: view.stats ? view.stats.epoch : 0, stats: view.stats})};

bind();
showControls();
drawNetwork();
drawSurface();
startWorker().then(() => reset());
