// The Playground page: controls, drawing, and the training loop that drives the Web Worker
// (worker.js, where the book's library runs as WebAssembly). The buttons and
// window.nnPlayground.train() go through the same functions: reset(), play(), pause().
"use strict";

const FEATURES = [  // [name in the library, label]
  ["x1", "x\u2081"], ["x2", "x\u2082"], ["x1^2", "x\u2081\u00b2"], ["x2^2", "x\u2082\u00b2"],
  ["x1x2", "x\u2081x\u2082"], ["sin_x1", "sin x\u2081"], ["sin_x2", "sin x\u2082"]];
const ORANGE = [245, 147, 34], BLUE = [8, 119, 189], WHITE = [255, 255, 255];
const RESOLUTION = 60;  // the decision surface: a 60 x 60 grid over [-6, 6]^2
const EXTENT = 6;

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
  draw();
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

// ---- drawing ----

function mix(p) {  // P(orange) -> a colour: blue at 0, white at 0.5, orange at 1
  const t = Math.abs(2 * p - 1), to = p >= 0.5 ? ORANGE : BLUE;
  return WHITE.map((w, i) => Math.round(w + (to[i] - w) * t * 0.85));
}

function drawSurface() {
  const canvas = $("surface"), g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height;
  if (view.surface) {
    const image = new ImageData(RESOLUTION, RESOLUTION);
    for (let i = 0; i < view.surface.length; ++i) {
      const [r, gr, b] = mix(view.surface[i]);
      image.data.set([r, gr, b, 255], 4 * i);
    }
    const small = document.createElement("canvas");
    small.width = small.height = RESOLUTION;
    small.getContext("2d").putImageData(image, 0, 0);
    g.imageSmoothingEnabled = true;
    g.drawImage(small, 0, 0, w, h);
  } else {
    g.fillStyle = "#fff";
    g.fillRect(0, 0, w, h);
  }
  const dot = (points, stroke) => {
    for (let i = 0; points && i < points.length; i += 3) {
      const x = (points[i] + EXTENT) / (2 * EXTENT) * w;
      const y = (EXTENT - points[i + 1]) / (2 * EXTENT) * h;
      g.beginPath();
      g.arc(x, y, 3.2, 0, 2 * Math.PI);
      g.fillStyle = points[i + 2] > 0.5 ? "rgb(245,147,34)" : "rgb(8,119,189)";
      g.fill();
      g.lineWidth = 1;
      g.strokeStyle = stroke;
      g.stroke();
    }
  };
  dot(view.train, "#fff");
  if ($("show-test").checked) dot(view.test, "#000");
}

function drawCurve() {
  const canvas = $("loss-curve"), g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height;
  g.clearRect(0, 0, w, h);
  if (view.curve.length < 2) return;
  const last = view.curve[view.curve.length - 1][0] || 1;
  const top = Math.max(0.1, ...view.curve.map((c) => Math.max(c[1], c[2])));
  for (const [column, colour] of [[2, "#222"], [1, "#999"]]) {
    g.beginPath();
    view.curve.forEach((c, i) => {
      const x = c[0] / last * (w - 2) + 1, y = h - 2 - c[column] / top * (h - 4);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    g.stroke();
  }
}

const SVG = "http://www.w3.org/2000/svg";
function svg(parent, name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const key in attributes) element.setAttribute(key, attributes[key]);
  parent.appendChild(element);
  return element;
}

// Inputs, hidden units and the output as circles; every weight a line whose width and colour
// show its value; a unit's bias as the colour of its ring.
function drawNetwork() {
  const root = $("network");
  root.textContent = "";
  const width = +root.getAttribute("width"), height = +root.getAttribute("height");
  const layers = [FEATURES.length, ...config.hidden, 1];
  const columns = layers.length, x0 = 60, x1 = width - 70;
  const xOf = (l) => x0 + (x1 - x0) * l / (columns - 1);
  const yOf = (l, i) => {
    const n = layers[l], gap = Math.min(44, (height - 30) / Math.max(n, 1));
    return height / 2 + (i - (n - 1) / 2) * gap;
  };
  const used = FEATURES.map(([name]) => config.features.includes(name));
  // The weights, from the flat array: per layer its kernel (in x out), then its bias.
  const w = view.weights;
  let offset = 0;
  const biases = [];
  const lines = svg(root, "g", {});
  for (let l = 0; l + 1 < layers.length; ++l) {
    const inputs = l === 0 ? FEATURES.map((_, i) => i).filter((i) => used[i]) :
                             [...Array(layers[l]).keys()];
    const out = layers[l + 1];
    inputs.forEach((from, r) => {
      for (let j = 0; j < out; ++j) {
        const value = w && w.length ? w[offset + r * out + j] : 0;
        svg(lines, "line", {
          x1: xOf(l), y1: yOf(l, from), x2: xOf(l + 1), y2: yOf(l + 1, j),
          stroke: value >= 0 ? "rgb(245,147,34)" : "rgb(8,119,189)",
          "stroke-width": Math.min(8, 0.4 + 2.2 * Math.abs(value)).toFixed(2),
          "stroke-opacity": Math.min(1, 0.25 + 0.5 * Math.abs(value)).toFixed(2),
        });
      }
    });
    offset += inputs.length * out;
    biases.push(w && w.length ? Array.from(w.slice(offset, offset + out)) : []);
    offset += out;
  }
  for (let l = 0; l < layers.length; ++l) {
    for (let i = 0; i < layers[l]; ++i) {
      const cx = xOf(l), cy = yOf(l, i);
      if (l === 0) {
        const group = svg(root, "g", {class: "feature", "data-feature": FEATURES[i][0]});
        svg(group, "rect", {x: cx - 15, y: cy - 15, width: 30, height: 30, rx: 4,
                            fill: used[i] ? "#183d4e" : "#fff", stroke: "#183d4e"});
        const label = svg(group, "text", {x: cx - 22, y: cy + 4, "text-anchor": "end"});
        label.textContent = FEATURES[i][1];
        group.addEventListener("click", () => toggleFeature(FEATURES[i][0]));
      } else {
        const bias = (biases[l - 1] || [])[i] || 0;
        const picture = l < layers.length - 1 ? unitPicture(l - 1, i) : null;
        if (picture) {
          svg(root, "image", {x: cx - 13, y: cy - 13, width: 26, height: 26, href: picture,
                              preserveAspectRatio: "none"});
        }
        svg(root, "rect", {x: cx - 13, y: cy - 13, width: 26, height: 26, rx: 3,
                           fill: picture ? "none" : "#fff",
                           stroke: bias >= 0 ? "rgb(245,147,34)" : "rgb(8,119,189)",
                           "stroke-width": Math.min(4, 1 + 1.5 * Math.abs(bias)).toFixed(2)});
      }
    }
  }
  const last = svg(root, "text", {x: xOf(columns - 1) + 16, y: yOf(columns - 1, 0) + 4});
  last.textContent = "P(orange)";
  drawLayerButtons(xOf);
}

// What hidden unit i of hidden layer l computes over the plane, as a data: URL picture
// (its output from -1, blue, to 1, orange), or null before the worker has sent it.
const unitCanvas = document.createElement("canvas");
function unitPicture(l, i) {
  const r = view.unitResolution, units = view.units;
  if (!units || !r || l >= config.hidden.length) return null;
  let offset = 0;
  for (let k = 0; k < l; ++k) offset += r * r * config.hidden[k];
  const width = config.hidden[l];
  if (offset + r * r * width > units.length) return null;
  unitCanvas.width = unitCanvas.height = r;
  const g = unitCanvas.getContext("2d"), image = g.createImageData(r, r);
  for (let p = 0; p < r * r; ++p) {
    const v = Math.max(-1, Math.min(1, units[offset + p * width + i]));
    image.data.set([...mix((v + 1) / 2), 255], 4 * p);
  }
  g.putImageData(image, 0, 0);
  return unitCanvas.toDataURL();
}

function drawLayerButtons(xOf) {
  const box = $("layer-buttons");
  box.textContent = "";
  config.hidden.forEach((units, l) => {
    const div = document.createElement("div");
    div.style.left = xOf(l + 1) + "px";
    const minus = document.createElement("button"), plus = document.createElement("button");
    minus.className = plus.className = "small";
    minus.textContent = "\u2212";
    plus.textContent = "+";
    minus.onclick = () => { if (config.hidden[l] > 1) { config.hidden[l]--; changed(); } };
    plus.onclick = () => { if (config.hidden[l] < 8) { config.hidden[l]++; changed(); } };
    const label = document.createElement("span");
    label.textContent = units;
    div.append(minus, label, plus);
    box.appendChild(div);
  });
  $("layer-count").textContent = config.hidden.length;
}

function draw() {
  const s = view.stats;
  $("epoch").textContent = s ? s.epoch : 0;
  $("train-loss").textContent = s ? s.train_loss.toFixed(3) : "\u2013";
  $("test-loss").textContent = s ? s.test_loss.toFixed(3) : "\u2013";
  $("test-accuracy").textContent = s ? (100 * s.test_accuracy).toFixed(1) + "%" : "\u2013";
  if (s && view.seconds > 0.5) {
    $("speed").textContent = (s.epoch / view.seconds).toFixed(0) + " epochs a second.";
  }
  drawSurface();
  drawCurve();
  drawNetwork();
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
