#pragma once
// The Playground's trainer: one small network on one TensorFlow Playground data set, trained
// epoch by epoch through the library's own Sequential, compile() and fit(). The same class
// runs natively (trainer_test.cc) and in the browser, compiled to WebAssembly with the rest
// of the library (api.cc is its C interface; tools/build_wasm.py builds it).
//
//   points (n, 2) -> features (n, f) -> standardised -> Dense(h1, act) ... -> Dense(1, sigmoid)
//   loss: binary cross-entropy; optimizer: SGD(learning_rate); metric: accuracy

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/data/playground.h"
#include "lib/data/scaler.h"
#include "lib/models/sequential.h"
#include "lib/tensor.h"

namespace nn::playground {

/// What the page's controls choose.
struct Config {
  std::string dataset = "circle";    ///< circle, xor, gauss or spiral
  float noise = 0.0f;                ///< 0 to 0.5, as TensorFlow Playground's slider
  double train_ratio = 0.5;          ///< share of the points trained on; the rest are the test set
  std::size_t points = 500;          ///< how many points to draw
  std::vector<int> hidden = {8, 8};  ///< units per hidden layer (0 to 4 layers of 1 to 8)
  std::string activation = "tanh";   ///< of the hidden layers: tanh, relu, sigmoid, linear
  double learning_rate = 0.03;       ///< SGD's step
  int batch_size = 10;               ///< rows per step
  std::vector<std::string> features = {"x1", "x2"};  ///< inputs; see feature_names()
  std::uint64_t seed = 1;  ///< the data, the split, the weights, the shuffles

  /// Reads the keys above from JSON (missing keys keep their defaults; "learningRate" and
  /// "batchSize" are accepted as the page spells them). Throws ValueError for a value out
  /// of range, naming the key.
  static Config from_json(const nlohmann::json& json);
  /// Throws ValueError naming the first value out of range.
  void validate() const;
};

/// The input features the page offers: x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2.
const std::vector<std::string>& feature_names();

/// Loss and accuracy on both sets after the last epoch.
struct Stats {
  int epoch = 0;                ///< epochs trained so far
  double train_loss = 0.0;      ///< binary cross-entropy on the training set
  double test_loss = 0.0;       ///< on the test set
  double train_accuracy = 0.0;  ///< share of training points classified right
  double test_accuracy = 0.0;   ///< share of test points classified right
};

/// The stats as JSON: {"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"}
/// (what the page reads, and what native_run prints).
nlohmann::json to_json(const Stats& stats);

/// One network on one data set.
class Trainer {
 public:
  /// Draws the data, splits it, builds and compiles the network (weights from config.seed).
  /// Throws ValueError for a bad config.
  explicit Trainer(const Config& config);

  /// Trains `epochs` more epochs (one fit() per epoch, each with its own shuffle seed), then
  /// measures loss and accuracy on both sets.
  const Stats& train(int epochs);
  /// The numbers after the last train() (or of the untrained network).
  const Stats& stats() const { return stats_; }
  /// P(class 1) over a resolution × resolution grid of the square [-extent, extent]², row by
  /// row from the top (y = +extent) down, x from left to right: (resolution², 1).
  Tensor surface(int resolution, float extent = 6.0f);
  /// What each hidden unit computes over the same grid as surface(): per hidden layer, its
  /// outputs (resolution², units), the page's small pictures inside the units.
  std::vector<Tensor> unit_surfaces(int resolution, float extent = 6.0f);
  /// Every weight, layer by layer: each Dense layer's kernel (in, units), row by row, then
  /// its bias (units). The layer widths are feature count, config().hidden..., 1.
  std::vector<float> weights();

  /// The training points (n_train, 2) in the plane, and their labels.
  const PlaygroundData& train_points() const { return train_; }
  /// The test points (n_test, 2) and their labels.
  const PlaygroundData& test_points() const { return test_; }
  /// The config it was made with.
  const Config& config() const { return config_; }

 private:
  Tensor features(const Tensor& points) const;      // (n, 2) -> (n, f), standardised
  static Tensor grid(std::size_t r, float extent);  // (r², 2): the plane, rows from the top
  void measure();

  Config config_;
  PlaygroundData train_, test_;
  StandardScaler scaler_;
  Tensor x_train_, x_test_;  // (n, f): the standardised features
  Sequential model_;
  std::uint64_t shuffle_seed_;
  Stats stats_;
};

}  // namespace nn::playground
