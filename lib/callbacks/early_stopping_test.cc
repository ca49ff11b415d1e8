#include "lib/callbacks/early_stopping.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

// Replaces logs[key] by a scripted value each epoch, and keeps a copy of the weights the
// model has at the end of each epoch (what EarlyStopping, after it, sees).
struct Script : nn::Callback {
  std::string key;
  std::vector<double> values;
  std::vector<std::vector<nn::Tensor>> weights;
  Script(std::string k, std::vector<double> v) : key(std::move(k)), values(std::move(v)) {}
  void on_epoch_end(int epoch, nn::Logs& logs) override {
    logs[key] = values.at(epoch);
    weights.push_back(model()->get_weights());
  }
};

const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}, {0.5f, 0.2f}, {0.1f, 0.9f}};
const nn::Tensor y = {{1}, {1}, {0}, {0}, {1}, {0}};

struct Run {
  std::shared_ptr<Script> script;
  std::shared_ptr<nn::EarlyStopping> stop;
  nn::History history;
  std::vector<nn::Tensor> final_weights;
};

Run run(const std::string& key, std::vector<double> values, nn::EarlyStoppingOptions options) {
  nn::set_random_seed(7);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(2, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.5), {"accuracy"});
  Run r;
  const int epochs = static_cast<int>(values.size());
  r.script = std::make_shared<Script>(key, std::move(values));
  r.stop = std::make_shared<nn::EarlyStopping>(options);
  nn::FitOptions fit;
  fit.epochs = epochs;
  fit.batch_size = 2;
  fit.verbose = 0;
  fit.seed = 3;
  fit.callbacks = {r.script, r.stop};
  r.history = model.fit(x, y, fit);
  r.final_weights = model.get_weights();
  return r;
}

bool same(const std::vector<nn::Tensor>& a, const std::vector<nn::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] == b[i])) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("EarlyStopping counts `patience` epochs without improvement after the best one") {
  nn::EarlyStoppingOptions options;
  options.patience = 3;
  // best at epoch 2 (0.8); epochs 3, 4, 5 do not beat it: stop after epoch 5.
  const Run r = run("val_loss", {1.0, 0.9, 0.8, 0.85, 0.81, 0.9, 0.7, 0.6}, options);
  CHECK(r.stop->best_epoch() == 2);
  CHECK(r.stop->best() == 0.8);
  CHECK(r.stop->stopped_epoch() == 5);
  CHECK(r.history.epoch.size() == 6);

  options.patience = 0;  // the first epoch that is not better stops training
  const Run eager = run("val_loss", {1.0, 0.9, 0.95, 0.5}, options);
  CHECK(eager.stop->stopped_epoch() == 2);
  CHECK(eager.stop->best_epoch() == 1);
}

TEST_CASE("EarlyStopping: an improvement must beat the best by more than min_delta") {
  const std::vector<double> slow = {1.0, 0.95, 0.94, 0.935, 0.93, 0.92};
  nn::EarlyStoppingOptions options;
  options.patience = 2;
  const Run without = run("val_loss", slow, options);
  CHECK(without.stop->stopped_epoch() == 0);  // every epoch improves a little: never stops
  CHECK(without.history.epoch.size() == 6);
  CHECK(without.stop->best_epoch() == 5);

  options.min_delta = -0.02;  // the sign is ignored, as in Keras
  const Run with = run("val_loss", slow, options);
  // epoch 1: 0.95 < 1.0 − 0.02; epoch 2: 0.94 is not < 0.93; epoch 3: 0.935 neither: stop.
  CHECK(with.stop->best_epoch() == 1);
  CHECK(with.stop->stopped_epoch() == 3);
}

TEST_CASE("EarlyStopping: accuracy is maximised under mode auto; min and max can be forced") {
  nn::EarlyStoppingOptions options;
  options.monitor = "val_accuracy";
  options.patience = 1;
  const Run r = run("val_accuracy", {0.5, 0.7, 0.6, 0.9}, options);
  CHECK_FALSE(r.stop->minimizes());
  CHECK(r.stop->best_epoch() == 1);
  CHECK(r.stop->stopped_epoch() == 2);

  options.mode = "min";  // forced: now smaller is better
  const Run forced = run("val_accuracy", {0.5, 0.7, 0.6, 0.9}, options);
  CHECK(forced.stop->minimizes());
  CHECK(forced.stop->best_epoch() == 0);
  CHECK(forced.stop->stopped_epoch() == 1);
}

TEST_CASE("EarlyStopping: with a baseline, only epochs that also beat it reset the wait") {
  const std::vector<double> values = {0.9, 0.8, 0.85, 0.9, 0.3};
  nn::EarlyStoppingOptions options;
  options.patience = 2;
  const Run plain = run("val_loss", values, options);
  CHECK(plain.stop->stopped_epoch() == 3);  // waits for epochs 2 and 3
  options.baseline = 0.5;
  // Epochs 0 and 1 improve but do not reach 0.5, so the wait is never reset: 3 by epoch 2.
  const Run r = run("val_loss", values, options);
  CHECK(r.stop->stopped_epoch() == 2);
  CHECK(r.stop->best_epoch() == 1);
}

TEST_CASE("EarlyStopping restores the best epoch's weights exactly") {
  nn::EarlyStoppingOptions options;
  options.patience = 2;
  options.restore_best_weights = true;
  const Run r = run("val_loss", {1.0, 0.5, 0.7, 0.8, 0.1}, options);
  REQUIRE(r.stop->stopped_epoch() == 3);
  REQUIRE(r.script->weights.size() == 4);
  CHECK_FALSE(same(r.script->weights[1], r.script->weights[3]));  // training moved them
  CHECK(same(r.final_weights, r.script->weights[1]));

  // The epochs run out before the patience does: the best weights still come back (Keras 3).
  const Run ran_out = run("val_loss", {1.0, 0.5, 0.7}, options);
  CHECK(ran_out.stop->stopped_epoch() == 0);
  CHECK(same(ran_out.final_weights, ran_out.script->weights[1]));

  options.restore_best_weights = false;  // without it, the last epoch's weights stay
  const Run kept = run("val_loss", {1.0, 0.5, 0.7, 0.8, 0.1}, options);
  CHECK(same(kept.final_weights, kept.script->weights[3]));
}

TEST_CASE("EarlyStopping: start_from_epoch leaves the first epochs unwatched") {
  nn::EarlyStoppingOptions options;
  options.patience = 1;
  options.start_from_epoch = 2;
  const Run r = run("val_loss", {0.1, 0.2, 0.9, 0.8, 0.85, 0.7}, options);
  CHECK(r.stop->best_epoch() == 3);  // 0.1 at epoch 0 was not watched
  CHECK(r.stop->stopped_epoch() == 4);
}

TEST_CASE("EarlyStopping refuses a missing monitor, naming the keys, and bad settings") {
  nn::EarlyStoppingOptions options;
  options.monitor = "val_los";
  CHECK_THROWS_WITH(run("val_loss", {1.0, 0.9}, options), Catch::Contains("no \"val_los\"") &&
                                                              Catch::Contains("\"val_loss\"") &&
                                                              Catch::Contains("\"accuracy\""));
  nn::EarlyStoppingOptions bad_mode;
  bad_mode.mode = "maximum";
  CHECK_THROWS_AS(nn::EarlyStopping(bad_mode), nn::ValueError);
  nn::EarlyStoppingOptions bad_patience;
  bad_patience.patience = -1;
  CHECK_THROWS_AS(nn::EarlyStopping(bad_patience), nn::ValueError);
  CHECK(nn::larger_is_better("val_accuracy"));
  CHECK(nn::larger_is_better("auc"));
  CHECK_FALSE(nn::larger_is_better("val_loss"));
}
