// The Playground's C interface, what the page's Web Worker calls in the WebAssembly module
// (tools/build_wasm.py exports these names). One trainer at a time; numbers come back as
// pointers into buffers that stay valid until the next call of the same function.
//
//   pg_create(config_json)  -> 0, or -1 with pg_error() saying why
//   pg_train(epochs)        -> 0 or -1; then pg_stats() is JSON {epoch, train_loss, ...}
//   pg_surface(resolution)  -> resolution² floats, P(class 1), rows from the top
//   pg_units(resolution)    -> each hidden unit's output on such a grid, layer by layer
//   pg_weights()            -> pg_weight_count() floats: kernel then bias, layer by layer
//   pg_points(test)         -> pg_point_count(test) rows of (x1, x2, label)

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "web/playground/trainer.h"

namespace {

std::unique_ptr<nn::playground::Trainer> trainer;
std::string error, stats;
std::vector<float> surface, units, weights, points[2];

int fail(const std::exception& e) {
  error = e.what();
  return -1;
}

}  // namespace

extern "C" {

/// Makes a new trainer from a JSON config (nn::playground::Config's keys).
int pg_create(const char* config_json) {
  try {
    trainer.reset();
    const auto config = nn::playground::Config::from_json(nlohmann::json::parse(config_json));
    trainer = std::make_unique<nn::playground::Trainer>(config);
    return 0;
  } catch (const std::exception& e) {
    return fail(e);
  }
}

/// The message of the last failure.
const char* pg_error() { return error.c_str(); }

/// Trains `epochs` more epochs.
int pg_train(int epochs) {
  if (!trainer) return fail(std::runtime_error("pg_train: no trainer (pg_create first)"));
  try {
    trainer->train(epochs);
    return 0;
  } catch (const std::exception& e) {
    return fail(e);
  }
}

/// The loss and accuracy on both sets after the last epoch, as JSON.
const char* pg_stats() {
  if (!trainer) return "{}";
  stats = nn::playground::to_json(trainer->stats()).dump();
  return stats.c_str();
}

/// P(class 1) over a resolution × resolution grid of [-6, 6]².
const float* pg_surface(int resolution) {
  if (!trainer) return nullptr;
  const nn::Tensor p = trainer->surface(resolution);
  surface.assign(p.begin(), p.end());
  return surface.data();
}

/// Each hidden unit's output over the same grid: layer by layer, (resolution², units) each.
const float* pg_units(int resolution) {
  if (!trainer) return nullptr;
  units.clear();
  for (const nn::Tensor& t : trainer->unit_surfaces(resolution)) {
    units.insert(units.end(), t.begin(), t.end());
  }
  return units.data();
}

/// Every weight (see nn::playground::Trainer::weights()).
const float* pg_weights() {
  if (!trainer) return nullptr;
  weights = trainer->weights();
  return weights.data();
}

/// How many floats pg_weights() gave.
int pg_weight_count() { return static_cast<int>(weights.size()); }

/// The training (test = 0) or test points: (x1, x2, label) per row.
const float* pg_points(int test) {
  if (!trainer) return nullptr;
  const nn::PlaygroundData& d = test ? trainer->test_points() : trainer->train_points();
  std::vector<float>& out = points[test ? 1 : 0];
  out.clear();
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    out.insert(out.end(), {d.x(i, 0), d.x(i, 1), static_cast<float>(d.y(i))});
  }
  return out.data();
}

/// How many rows pg_points(test) gave.
int pg_point_count(int test) { return static_cast<int>(points[test ? 1 : 0].size() / 3); }

}  // extern "C"
