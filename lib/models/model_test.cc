// Models of one's own: a subclass of nn::Model that tracks its layers and writes call(),
// with several inputs and outputs, trained by the same fit() as Sequential.
#include "lib/models/model.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/layers/dense.h"
#include "lib/layers/flatten.h"
#include "lib/models/sequential.h"
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

// Wide & Deep: the wide input goes straight to the output, the deep one through two hidden
// layers; an auxiliary output watches the deep part alone.
class WideAndDeep : public nn::Model {
 public:
  WideAndDeep() : nn::Model("wide_and_deep") {}

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool) override {
    const nn::Var& wide = inputs.at(0);
    const nn::Var& deep = inputs.at(1);
    nn::Var hidden = hidden2_(hidden1_(deep));
    nn::Var main = main_output_(nn::concat({wide, hidden}));
    return {main, aux_output_(hidden)};
  }

 private:
  nn::Dense hidden1_ = track(nn::Dense(30, "relu"));
  nn::Dense hidden2_ = track(nn::Dense(30, "relu"));
  nn::Dense main_output_ = track(nn::Dense(1));
  nn::Dense aux_output_ = track(nn::Dense(1));
};

// One input, one output, and a loop in call(): the tape records whatever runs.
class Residual : public nn::Model {
 public:
  explicit Residual(int blocks) : blocks_(blocks) {}
  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool) override {
    nn::Var x = inputs.at(0);
    for (int i = 0; i < blocks_; ++i) x = x + block_(x);  // the same layer, several times
    return {out_(x)};
  }

 private:
  int blocks_;
  nn::Dense block_ = track(nn::Dense(4, "tanh"));
  nn::Dense out_ = track(nn::Dense(1));
};

}  // namespace

TEST_CASE("a subclassed model with two inputs and two outputs trains through fit") {
  nn::set_random_seed(4);
  WideAndDeep model;
  CHECK(model.layers().size() == 4);
  CHECK(model.layers()[1]->name() == "dense_1");
  model.compile({"mse", "mse"}, nn::SGD(0.01), {"mae"}, {0.9, 0.1});
  const nn::Tensor x_wide = nn::Rng(1).normal_tensor(100, 5),
                   x_deep = nn::Rng(2).normal_tensor(100, 6);
  const nn::Tensor y = nn::Rng(3).normal_tensor(100, 1);
  nn::History history = model.fit({x_wide, x_deep}, {y, y}, quiet(3, 20));
  for (const char* key :
       {"loss", "output_1_loss", "output_2_loss", "output_1_mae", "output_2_mae"}) {
    INFO(key);
    CHECK(history.history[key].size() == 3);
  }
  const nn::Logs logs = model.evaluate({x_wide, x_deep}, {y, y}, 32, 0);
  CHECK(logs.at("loss") ==
        Approx(0.9 * logs.at("output_1_loss") + 0.1 * logs.at("output_2_loss")).epsilon(1e-5));
  CHECK(history.history["loss"].back() < history.history["loss"].front());
  const std::vector<nn::Tensor> predictions = model.predict_outputs({x_wide, x_deep});
  CHECK(predictions.size() == 2);
  CHECK(predictions[1].shape() == std::array<std::size_t, 2>{100, 1});
  CHECK_THROWS_WITH(model.predict({x_wide, x_deep}), Catch::Contains("predict_outputs"));
  CHECK(model.metrics_names() == std::vector<std::string>{"loss", "output_1_loss", "output_2_loss",
                                                          "output_1_mae", "output_2_mae"});
}

TEST_CASE("one loss for several outputs applies to each, and the results are summed") {
  WideAndDeep model;
  model.compile("mse", nn::SGD(0.0));
  const nn::Tensor x_wide = nn::Rng(4).normal_tensor(10, 5),
                   x_deep = nn::Rng(5).normal_tensor(10, 6);
  const nn::Tensor y = nn::Rng(6).normal_tensor(10, 1);
  const nn::Logs logs = model.evaluate({x_wide, x_deep}, {y, y}, 32, 0);
  CHECK(logs.at("loss") == Approx(logs.at("output_1_loss") + logs.at("output_2_loss")));
  CHECK_THROWS_WITH(model.evaluate({x_wide, x_deep}, y, 32, 0),
                    Catch::Contains("2 outputs") && Catch::Contains("1 array"));
}

TEST_CASE("loops and shared layers in call(); summary says 'multiple' as Keras does") {
  nn::set_random_seed(8);
  Residual model(3);
  model.compile("mse", nn::SGD(0.05));
  const nn::Tensor x = nn::Rng(7).normal_tensor(64, 4), y = nn::Rng(8).normal_tensor(64, 1);
  nn::History history = model.fit(x, y, quiet(5, 16));
  CHECK(history.history["loss"].back() < history.history["loss"].front());
  std::ostringstream out;
  model.summary(out);
  CHECK_THAT(
      out.str(),
      Catch::Contains("Model: \"model\"") &&
          Catch::Contains(" dense (Dense)               multiple                  20        ") &&
          Catch::Contains("Total params: 25\n"));
  nn::Var y_hat = model(nn::Var(x));
  CHECK(y_hat.cols() == 1);
}

TEST_CASE("a model without call() says what to write") {
  nn::Model empty;
  CHECK_THROWS_WITH(empty.call({}, false), Catch::Contains("override"));
}

TEST_CASE("a wrong width is reported with the user's x, not the one-row build probe") {
  nn::Tensor x = xt::zeros<float>({10, 5});
  nn::Sequential model({nn::Flatten({4}), nn::Dense(3)});  // Flatten({4}) declares the width
  model.compile("mse", "sgd");
  CHECK_THROWS_AS(model.predict(x), nn::ShapeError);
  CHECK_THROWS_WITH(model.predict(x), Catch::Contains("predict") && Catch::Contains("(10, 5)") &&
                                          Catch::Contains("5 features instead of 4") &&
                                          !Catch::Contains("(1, 5)"));
  // A model built by an earlier call knows its width as well.
  nn::Sequential built({nn::Dense(3)});
  built.compile("mse", "sgd");
  built.predict(xt::zeros<float>({2, 4}));
  CHECK_THROWS_WITH(
      built.fit(x, xt::zeros<float>({10, 3}), {.verbose = 0}),
      Catch::Contains("fit") && Catch::Contains("(10, 5)") && Catch::Contains("(None, 4)"));
}
