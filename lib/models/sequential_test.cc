#include "lib/models/sequential.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "lib/callbacks/terminate_on_nan.h"
#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/layers/dense.h"
#include "lib/layers/dropout.h"
#include "lib/layers/flatten.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

nn::FitOptions quiet(int epochs, int batch_size = 32) {
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = batch_size;
  options.verbose = 0;
  return options;
}

// Calls a function at chosen moments of fit().
struct Hook : nn::Callback {
  std::function<void(Hook&, int)> epoch_begin, batch_end;
  void on_epoch_begin(int epoch, nn::Logs&) override {
    if (epoch_begin) epoch_begin(*this, epoch);
  }
  void on_batch_end(int batch, nn::Logs&) override {
    if (batch_end) batch_end(*this, batch);
  }
};

}  // namespace

TEST_CASE("a 2-4-1 MLP learns XOR") {
  nn::set_random_seed(3);
  nn::Sequential model({nn::Dense(4, "tanh"), nn::Dense(1, "sigmoid")});
  model.compile("binary_crossentropy", nn::Adam(0.05), {"accuracy"});
  const nn::Tensor x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, y = {{0}, {1}, {1}, {0}};
  nn::History history = model.fit(x, y, quiet(400, 4));
  CHECK(history.history["loss"].size() == 400);
  CHECK(history.history["loss"].back() < 0.05);
  CHECK(history.history["accuracy"].back() == 1.0);
  const nn::Tensor p = model.predict(x);
  CHECK(p(0, 0) < 0.1f);
  CHECK(p(1, 0) > 0.9f);
  CHECK(p(2, 0) > 0.9f);
  CHECK(p(3, 0) < 0.1f);
  const nn::Logs logs = model.evaluate(x, y, 32, 0);
  CHECK(logs.at("accuracy") == 1.0);
  CHECK(logs.at("loss") == Approx(history.history["loss"].back()).epsilon(0.5));
}

TEST_CASE("summary prints Keras 2's table for the Fashion-MNIST MLP") {
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  std::ostringstream out;
  model.summary(out);
  const std::string expected =
      "Model: \"sequential\"\n"
      "_________________________________________________________________\n"
      " Layer (type)                Output Shape              Param #   \n"
      "=================================================================\n"
      " flatten (Flatten)           (None, 784)               0         \n"
      "                                                                 \n"
      " dense (Dense)               (None, 300)               235500    \n"
      "                                                                 \n"
      " dense_1 (Dense)             (None, 100)               30100     \n"
      "                                                                 \n"
      " dense_2 (Dense)             (None, 10)                1010      \n"
      "                                                                 \n"
      "=================================================================\n"
      "Total params: 266,610\n"
      "Trainable params: 266,610\n"
      "Non-trainable params: 0\n"
      "_________________________________________________________________\n";
  CHECK(out.str() == expected);
  CHECK(model.count_params() == 266610);
  model.layers()[1]->set_trainable(false);
  std::ostringstream frozen;
  model.summary(frozen);
  CHECK_THAT(frozen.str(), Catch::Contains("Trainable params: 31,110\n") &&
                               Catch::Contains("Non-trainable params: 235,500\n"));
}

TEST_CASE("summary of a model that cannot know its input yet says how to build it") {
  nn::Sequential model({nn::Dense(3)});
  std::ostringstream out;
  CHECK_THROWS_WITH(model.summary(out), Catch::Contains("not built") && Catch::Contains("build("));
  model.build({8});
  model.summary(out);
  CHECK_THAT(out.str(),
             Catch::Contains(" dense (Dense)               (None, 3)                 27 "));
}

TEST_CASE("layers get unique Keras names; get_layer finds them; names must be unique") {
  nn::Sequential model(
      {nn::Dense(3), nn::Dense(3, "relu", "glorot_uniform", "zeros", "out"), nn::Dense(2)});
  CHECK(model.layers()[0]->name() == "dense");
  CHECK(model.layers()[2]->name() == "dense_1");
  CHECK(model.get_layer("out") == model.layers()[1]);
  CHECK_THROWS_WITH(model.get_layer("dense_2"),
                    Catch::Contains("\"dense\"") && Catch::Contains("\"out\""));
  CHECK_THROWS_AS(model.add(nn::Dense(1, "linear", "glorot_uniform", "zeros", "out")),
                  nn::ValueError);
}

TEST_CASE("validation_split keeps the last rows, taken before shuffling") {
  // Zero weights and a zero learning rate: the prediction stays 0, so each loss shows which
  // rows it saw. The first 80 rows have y = 1, the last 20 y = 3.
  nn::Sequential model({nn::Dense(1, "linear", "zeros")});
  model.compile("mse", nn::SGD(0.0));
  nn::Tensor x = xt::ones<float>({100, 2}), y = xt::ones<float>({100, 1});
  for (std::size_t i = 80; i < 100; ++i) y(i, 0) = 3.0f;
  nn::FitOptions options = quiet(2, 16);
  options.validation_split = 0.2;
  nn::History history = model.fit(x, y, options);
  CHECK(history.history["loss"] == std::vector<double>{1.0, 1.0});
  CHECK(history.history["val_loss"] == std::vector<double>{9.0, 9.0});
  CHECK(history.epoch == std::vector<int>{0, 1});
}

TEST_CASE("validation_data gives val_ logs; Labels work as sparse targets") {
  nn::set_random_seed(5);
  const nn::Tensor x = nn::Rng(1).normal_tensor(64, 4);
  nn::Labels labels = nn::Labels::from_shape({64});
  for (std::size_t i = 0; i < 64; ++i) labels(i) = x(i, 0) > 0 ? 1 : 0;
  nn::Sequential model({nn::Dense(8, "relu"), nn::Dense(2, "softmax")});
  model.compile("sparse_categorical_crossentropy", "adam", {"accuracy"});
  nn::FitOptions options = quiet(3, 16);
  options.validation_data = {{x, labels}};
  nn::History history = model.fit(x, labels, options);
  for (const char* key : {"loss", "accuracy", "val_loss", "val_accuracy"}) {
    CHECK(history.history[key].size() == 3);
  }
  const nn::Logs logs = model.evaluate(x, labels, 32, 0);
  CHECK(logs.at("loss") == Approx(history.history["val_loss"].back()).epsilon(1e-5));
  CHECK(model.metrics_names() == std::vector<std::string>{"loss", "accuracy"});
}

TEST_CASE("two fits with the same seeds give bit-identical weights") {
  auto train = [] {
    nn::set_random_seed(11);
    nn::Sequential model({nn::Dense(16, "relu"), nn::Dropout(0.3), nn::Dense(3, "softmax")});
    model.compile("sparse_categorical_crossentropy", nn::SGD(0.1, 0.9));
    nn::Tensor y = nn::Tensor::from_shape({200, 1});
    for (std::size_t i = 0; i < 200; ++i) y(i, 0) = static_cast<float>(i % 3);
    nn::FitOptions options = quiet(3, 20);
    options.seed = 99;
    model.fit(nn::Rng(2).normal_tensor(200, 5), y, options);
    return model.get_weights();
  };
  const std::vector<nn::Tensor> a = train(), b = train();
  REQUIRE(a.size() == 4);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK((a[i] == b[i]));
}

TEST_CASE("NaN or infinity in the data is refused before training, naming row and column") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", "sgd");
  nn::Tensor x = xt::ones<float>({10, 3}), y = xt::ones<float>({10, 1});
  x(7, 2) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_AS(model.fit(x, y, quiet(1)), nn::Error);
  CHECK_THROWS_WITH(model.fit(x, y, quiet(1)), Catch::Contains("x") && Catch::Contains("NaN") &&
                                                   Catch::Contains("row 7") &&
                                                   Catch::Contains("column 2"));
  x(7, 2) = 1.0f;
  y(4, 0) = std::numeric_limits<float>::infinity();
  CHECK_THROWS_WITH(model.fit(x, y, quiet(1)),
                    Catch::Contains("y holds infinity in row 4, column 0"));
}

TEST_CASE("a loss that becomes NaN stops fit with the epoch and step, before any update") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", "sgd");
  const nn::Tensor x = nn::Rng(3).normal_tensor(40, 3), y = nn::Rng(4).normal_tensor(40, 1);
  auto poison = std::make_shared<Hook>();
  poison->batch_end = [](Hook& hook, int batch) {  // after epoch 2's first step
    if (hook.model()->optimizer().iterations() == 5) {
      auto& dense = dynamic_cast<nn::DenseLayer&>(*hook.model()->layers()[0]);
      dense.bias().value()(0, 0) = std::numeric_limits<float>::quiet_NaN();
    }
  };
  nn::FitOptions options = quiet(3, 10);
  options.callbacks = {poison};
  CHECK_THROWS_WITH(model.fit(x, y, options),
                    Catch::Contains("NaN") && Catch::Contains("epoch 2, step 2 of 4"));
  CHECK(std::isnan(model.get_weights()[1](0, 0)));
  CHECK(std::isfinite(model.get_weights()[0](0, 0)));  // the NaN step changed nothing else
}

TEST_CASE("with TerminateOnNaN the same fit stops cleanly and says so") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", "sgd");
  const nn::Tensor x = nn::Rng(3).normal_tensor(40, 3), y = nn::Rng(4).normal_tensor(40, 1);
  auto poison = std::make_shared<Hook>();
  poison->epoch_begin = [](Hook& hook, int epoch) {
    if (epoch == 1) {
      auto& dense = dynamic_cast<nn::DenseLayer&>(*hook.model()->layers()[0]);
      dense.kernel().value()(0, 0) = std::numeric_limits<float>::infinity();
    }
  };
  std::ostringstream out;
  auto terminate = std::make_shared<nn::TerminateOnNaN>(out);
  nn::FitOptions options = quiet(5, 10);
  options.callbacks = {poison, terminate};
  nn::History history = model.fit(x, y, options);
  CHECK(terminate->stopped());
  CHECK(out.str() == "Batch 0: Invalid loss, terminating training\n");
  CHECK(history.epoch == std::vector<int>{0, 1});
  CHECK(std::isfinite(history.history["loss"][0]));
  CHECK_FALSE(std::isfinite(history.history["loss"][1]));
  CHECK(model.optimizer().iterations() == 4);
}

TEST_CASE("callbacks can stop training and change the learning rate every batch") {
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.01));
  auto hook = std::make_shared<Hook>();
  hook->batch_end = [](Hook& h, int batch) {
    nn::Optimizer& optimizer = h.model()->optimizer();
    optimizer.set_learning_rate(optimizer.learning_rate() * 2.0);
    if (batch == 2) h.model()->stop_training = true;
  };
  nn::FitOptions options = quiet(10, 5);
  options.callbacks = {hook};
  nn::History history =
      model.fit(nn::Rng(5).normal_tensor(50, 2), nn::Rng(6).normal_tensor(50, 1), options);
  CHECK(model.optimizer().iterations() == 3);
  CHECK(model.optimizer().learning_rate() == Approx(0.08));
  CHECK(history.epoch == std::vector<int>{0});
}

TEST_CASE("usage errors name what to do") {
  nn::Sequential model({nn::Dense(2, "softmax")});
  const nn::Tensor x = xt::ones<float>({4, 3});
  CHECK_THROWS_WITH(model.fit(x, x, quiet(1)), Catch::Contains("compile()"));
  CHECK_THROWS_WITH(model.compile("crossentropy", "sgd"),
                    Catch::Contains("\"sparse_categorical_crossentropy\""));
  CHECK_THROWS_WITH(model.compile("mse", "sgd", {"acuracy"}), Catch::Contains("\"accuracy\""));
  model.compile("sparse_categorical_crossentropy", "sgd");
  CHECK_THROWS_WITH(model.fit(x, nn::Tensor({{0}, {1}, {2}, {1}}), quiet(1)),
                    Catch::Contains("row 2") && Catch::Contains("is 2, not") &&  // not 2.000000
                        Catch::Contains("[0, 2)"));
  CHECK_THROWS_AS(model.fit(x, nn::Tensor({{0}, {1}, {1}}), quiet(1)), nn::ShapeError);
  CHECK_THROWS_WITH(model.predict(xt::ones<float>({4, 5})),
                    Catch::Contains("(None, 3)") && Catch::Contains("(4, 5)"));
}

TEST_CASE("get_weights and set_weights round trip; predict uses no tape") {
  nn::set_random_seed(1);
  nn::Sequential a({nn::Dense(4, "relu"), nn::Dense(2)});
  nn::set_random_seed(2);
  nn::Sequential b({nn::Dense(4, "relu"), nn::Dense(2)});
  const nn::Tensor x = nn::Rng(7).normal_tensor(9, 3);
  a.build({3});
  b.build({3});
  CHECK((a.predict(x) != b.predict(x)));
  b.set_weights(a.get_weights());
  CHECK((a.predict(x, 4) == b.predict(x)));
  CHECK_THROWS_AS(b.set_weights({x}), nn::ValueError);
}

TEST_CASE("the book's way of writing it compiles: braces, designated options, names") {
  nn::set_random_seed(42);
  nn::Sequential model{nn::Flatten({2, 2}), nn::Dense(8, "relu", "he_normal"),
                       nn::Dense(3, "softmax")};
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.05, 0.9), {"accuracy"});
  const nn::Tensor x = nn::Rng(12).normal_tensor(30, 4), x_valid = nn::Rng(13).normal_tensor(10, 4);
  nn::Labels y = nn::Labels::from_shape({30}), y_valid = nn::Labels::from_shape({10});
  for (std::size_t i = 0; i < 30; ++i) y(i) = static_cast<int>(i % 3);
  for (std::size_t i = 0; i < 10; ++i) y_valid(i) = static_cast<int>(i % 3);
  nn::History history = model.fit(
      x, y, {.epochs = 2, .batch_size = 8, .validation_data = {{x_valid, y_valid}}, .verbose = 0});
  CHECK(history.history["val_accuracy"].size() == 2);
  const nn::Tensor probabilities = model.predict(x_valid / 2.0f);
  CHECK(probabilities.shape() == std::array<std::size_t, 2>{10, 3});
}
