#include "web/playground/trainer.h"

#include <algorithm>
#include <cmath>

#include "lib/data/split.h"
#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/layers/dense.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"
#include "lib/var.h"

namespace nn::playground {
namespace {

// Reads json[key] (or json[alias]) into value when present.
template <class T>
void read(const nlohmann::json& json, const char* key, const char* alias, T& value) {
  if (json.contains(key)) {
    value = json.at(key).get<T>();
  } else if (alias != nullptr && json.contains(alias)) {
    value = json.at(alias).get<T>();
  }
}

void require(bool ok, const std::string& what) {
  if (!ok) throw ValueError("playground config: " + what);
}

// One input feature of a point (x1, x2).
float feature(const std::string& name, float x1, float x2) {
  if (name == "x1") return x1;
  if (name == "x2") return x2;
  if (name == "x1^2") return x1 * x1;
  if (name == "x2^2") return x2 * x2;
  if (name == "x1x2") return x1 * x2;
  if (name == "sin_x1") return std::sin(x1);
  return std::sin(x2);  // sin_x2: the names were checked in from_json()
}

}  // namespace

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {"x1",   "x2",     "x1^2",  "x2^2",
                                                 "x1x2", "sin_x1", "sin_x2"};
  return names;
}

nlohmann::json to_json(const Stats& s) {
  return {{"epoch", s.epoch},
          {"train_loss", s.train_loss},
          {"test_loss", s.test_loss},
          {"train_accuracy", s.train_accuracy},
          {"test_accuracy", s.test_accuracy}};
}

Config Config::from_json(const nlohmann::json& json) {
  Config c;
  try {
    read(json, "dataset", nullptr, c.dataset);
    read(json, "noise", nullptr, c.noise);
    read(json, "train_ratio", "trainRatio", c.train_ratio);
    read(json, "points", nullptr, c.points);
    read(json, "hidden", nullptr, c.hidden);
    read(json, "activation", nullptr, c.activation);
    read(json, "learning_rate", "learningRate", c.learning_rate);
    read(json, "batch_size", "batchSize", c.batch_size);
    read(json, "features", nullptr, c.features);
    read(json, "seed", nullptr, c.seed);
  } catch (const nlohmann::json::exception& e) {
    throw ValueError(std::string("playground config: a value of the wrong type: ") + e.what());
  }
  c.validate();
  return c;
}

void Config::validate() const {
  const Config& c = *this;
  const std::vector<std::string> sets = playground_names();
  require(std::find(sets.begin(), sets.end(), c.dataset) != sets.end(),
          "dataset '" + c.dataset + "' is not circle, xor, gauss or spiral");
  require(c.noise >= 0.0f && c.noise <= 0.5f, "noise must be in [0, 0.5]");
  require(c.train_ratio >= 0.1 && c.train_ratio <= 0.9, "train_ratio must be in [0.1, 0.9]");
  require(c.points >= 20 && c.points <= 5000, "points must be in [20, 5000]");
  require(c.hidden.size() <= 4, "at most 4 hidden layers");
  for (int units : c.hidden) require(units >= 1 && units <= 8, "hidden layers have 1 to 8 units");
  const std::vector<std::string> acts = {"tanh", "relu", "sigmoid", "linear"};
  require(std::find(acts.begin(), acts.end(), c.activation) != acts.end(),
          "activation '" + c.activation + "' is not tanh, relu, sigmoid or linear");
  require(c.learning_rate > 0.0 && c.learning_rate <= 10.0, "learning_rate must be in (0, 10]");
  require(c.batch_size >= 1 && c.batch_size <= 1000, "batch_size must be in [1, 1000]");
  require(!c.features.empty(), "at least one input feature");
  for (const std::string& f : c.features) {
    const auto& names = feature_names();
    require(std::find(names.begin(), names.end(), f) != names.end(),
            "unknown feature '" + f + "' (x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2)");
  }
}

Trainer::Trainer(const Config& config) : config_(config) {
  config.validate();
  const PlaygroundData data =
      make_playground(config.dataset, config.points, config.noise, config.seed);
  // round((1 - ratio)·n) test points: ceil() of the split meets a test_size just below it.
  const double tests = std::round((1.0 - config.train_ratio) * config.points);
  const Split<Labels> split =
      train_test_split(data.x, data.y, (tests - 0.5) / config.points, config.seed + 1);
  train_ = {split.x_train, split.y_train};
  test_ = {split.x_test, split.y_test};
  // The features, standardised with the training set's means and deviations.
  x_train_ = scaler_.fit_transform(features(train_.x));
  x_test_ = features(test_.x);  // standardised, now that the scaler is fitted

  set_random_seed(config.seed);  // the layers draw their weights' seeds from it
  for (int units : config.hidden) model_.add(Dense(units, config.activation));
  model_.add(Dense(1, "sigmoid"));  // P(class 1)
  model_.compile("binary_crossentropy", SGD(config.learning_rate), {"accuracy"});
  model_.build({config.features.size()});
  shuffle_seed_ = Rng(config.seed + 2).split();
  measure();
}

Tensor Trainer::features(const Tensor& points) const {
  const std::size_t n = points.shape()[0], f = config_.features.size();
  Tensor out = xt::empty<float>({n, f});  // (n, f)
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < f; ++j)
      out(i, j) = feature(config_.features[j], points(i, 0), points(i, 1));
  }
  if (!scaler_.fitted()) return out;
  return scaler_.transform(out);
}

const Stats& Trainer::train(int epochs) {
  FitOptions options;
  options.epochs = 1;
  options.batch_size = config_.batch_size;
  options.verbose = 0;
  for (int e = 0; e < epochs; ++e) {
    options.seed = shuffle_seed_ + static_cast<std::uint64_t>(stats_.epoch);
    model_.fit(x_train_, train_.y, options);
    ++stats_.epoch;
  }
  measure();
  return stats_;
}

void Trainer::measure() {
  const Logs train = model_.evaluate(x_train_, train_.y, 1024, 0);
  const Logs test = model_.evaluate(x_test_, test_.y, 1024, 0);
  stats_.train_loss = train.at("loss");
  stats_.train_accuracy = train.at("accuracy");
  stats_.test_loss = test.at("loss");
  stats_.test_accuracy = test.at("accuracy");
}

Tensor Trainer::grid(std::size_t r, float extent) {
  Tensor points = xt::empty<float>({r * r, std::size_t{2}});  // (r², 2): points of the plane
  for (std::size_t row = 0; row < r; ++row) {
    for (std::size_t col = 0; col < r; ++col) {
      points(row * r + col, 0) = -extent + 2.0f * extent * static_cast<float>(col) / (r - 1);
      points(row * r + col, 1) = extent - 2.0f * extent * static_cast<float>(row) / (r - 1);
    }
  }
  return points;
}

Tensor Trainer::surface(int resolution, float extent) {
  const std::size_t r = static_cast<std::size_t>(std::max(resolution, 2));
  return model_.predict(features(grid(r, extent)), 4096);  // (r², 1)
}

std::vector<Tensor> Trainer::unit_surfaces(int resolution, float extent) {
  const std::size_t r = static_cast<std::size_t>(std::max(resolution, 2));
  NoGradGuard no_tape;
  Var h(features(grid(r, extent)));  // (r², f), then (r², units) layer by layer
  std::vector<Tensor> outputs;
  const auto& layers = model_.layers();
  for (std::size_t l = 0; l + 1 < layers.size(); ++l) {  // the hidden layers, not the output
    h = layers[l]->forward(h, false);
    outputs.push_back(h.value());
  }
  return outputs;
}

std::vector<float> Trainer::weights() {
  std::vector<float> out;
  for (Parameter* p : model_.parameters())
    out.insert(out.end(), p->value().begin(), p->value().end());
  return out;
}

}  // namespace nn::playground
