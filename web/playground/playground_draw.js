// The Playground page's drawing (web/playground/playground_draw.js): the decision surface
// with the points, the loss curve, and the network with its weights and units' pictures,
// from what the worker last sent (`view`) and what the controls say (`config`), both defined
// in playground.js, which this file is loaded before.
"use strict";

const ORANGE = [245, 147, 34], BLUE = [8, 119, 189], WHITE = [255, 255, 255];
const RESOLUTION = 60;  // the decision surface: a 60 x 60 grid over [-6, 6]^2
const EXTENT = 6;

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
