// Numerical faults: what fit(), evaluate() and predict() do with NaN or infinite data, with a
// run that diverges by itself, and how the softmax and the cross-entropies take huge logits.
// (README.md, "What bad input does", lists these cases.)
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "lib/activations.h"
#include "lib/callbacks/terminate_on_nan.h"
#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/losses/crossentropy.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

nn::FitOptions quiet(int epochs, int batch_size) {
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = batch_size;
  options.verbose = 0;
  options.seed = 1;
  return options;
}

nn::Tensor normal(std::size_t rows, std::size_t cols, std::uint64_t seed, float scale = 1.0f) {
  nn::Rng rng(seed);
  nn::Tensor t = nn::Tensor::from_shape({rows, cols});
  for (float& v : t) v = scale * rng.normal();
  return t;
}

bool all_finite(const nn::Tensor& t) {
  return std::all_of(t.begin(), t.end(), [](float v) { return std::isfinite(v); });
}

nn::Sequential regressor() {
  nn::set_random_seed(3);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(1)});
  model.compile("mse", nn::SGD(0.01));
  return model;
}

}  // namespace

TEST_CASE("NaN in validation data is refused at fit, naming the array, row and column") {
  nn::Sequential model = regressor();
  const nn::Tensor x = normal(20, 3, 1), y = normal(20, 1, 2);
  nn::Tensor x_val = normal(5, 3, 3), y_val = normal(5, 1, 4);
  x_val(3, 1) = kNaN;
  nn::FitOptions options = quiet(1, 8);
  options.validation_data = {{x_val, y_val}};
  CHECK_THROWS_WITH(model.fit(x, y, options),
                    Catch::Contains("validation x holds NaN in row 3, column 1"));
  x_val(3, 1) = 0.0f;
  y_val(0, 0) = -kInf;
  options.validation_data = {{x_val, y_val}};
  CHECK_THROWS_WITH(model.fit(x, y, options),
                    Catch::Contains("validation y holds infinity in row 0, column 0"));
  // With validation_split the held-out rows are rows of x: the row number is x's.
  nn::Tensor x_split = x;
  x_split(19, 2) = kNaN;
  options = quiet(1, 8);
  options.validation_split = 0.2;
  CHECK_THROWS_WITH(model.fit(x_split, y, options),
                    Catch::Contains("x holds NaN in row 19, column 2"));
  CHECK(model.optimizer().iterations() == 0);  // refused before any step
}

TEST_CASE("a run that diverges by itself stops with the epoch and step where the loss broke") {
  // Unscaled inputs (values near 1000) and a large learning rate: each SGD step overshoots
  // more than the last, the loss overflows to infinity, then becomes NaN.
  const nn::Tensor x = normal(64, 3, 5, 1000.0f), y = normal(64, 1, 6, 1000.0f);
  nn::set_random_seed(4);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(0.1));
  std::string message;
  try {
    model.fit(x, y, quiet(50, 16));
  } catch (const nn::Error& e) {
    message = e.what();
  }
  INFO(message);
  CHECK_THAT(message, Catch::StartsWith("fit: the loss became "));
  CHECK_THAT(message, Catch::Matches(".*at epoch [0-9]+, step [1-4] of 4 \\(counting from 1\\).*"));
  CHECK_THAT(message,
             Catch::Contains("smaller learning rate") && Catch::Contains("TerminateOnNaN"));

  // The same run with TerminateOnNaN: it ends cleanly at the same step, prints Keras's line,
  // and the history holds the epochs up to the one that broke (the last loss not finite).
  nn::set_random_seed(4);
  nn::Sequential again({nn::Dense(1)});
  again.compile("mse", nn::SGD(0.1));
  std::ostringstream out;
  auto terminate = std::make_shared<nn::TerminateOnNaN>(out);
  nn::FitOptions options = quiet(50, 16);
  options.callbacks = {terminate};
  const nn::History history = again.fit(x, y, options);
  CHECK(terminate->stopped());
  CHECK_THAT(out.str(), Catch::Matches("Batch [0-3]: Invalid loss, terminating training\n"));
  REQUIRE(!history.epoch.empty());
  CHECK(history.epoch.size() < 50);
  CHECK_FALSE(std::isfinite(history.history.at("loss").back()));
  // Same data, same seed: the epoch the error named is the one where TerminateOnNaN stopped.
  CHECK_THAT(message,
             Catch::Contains("at epoch " + std::to_string(history.epoch.back() + 1) + ","));
}

TEST_CASE("softmax stays finite and exact for logits of ±1e4 and ±3e38 (log-sum-exp)") {
  const nn::Tensor z = {
      {1e4f, -1e4f, 0.0f}, {3e38f, -3e38f, 0.0f}, {-3e38f, -3e38f, -3e38f}, {3e38f, 3e38f, -1e4f}};
  const nn::Tensor p = nn::softmax(z);
  REQUIRE(all_finite(p));
  CHECK(p(0, 0) == 1.0f);
  CHECK(p(0, 1) == 0.0f);
  CHECK(p(1, 0) == 1.0f);
  CHECK(p(1, 1) == 0.0f);
  CHECK(p(2, 0) == Approx(1.0 / 3));  // equal logits, however small: equal shares
  CHECK(p(3, 0) == 0.5f);
  CHECK(p(3, 2) == 0.0f);
}

TEST_CASE("cross-entropies stay finite for logits of ±1e4 and ±3e38, with finite gradients") {
  const nn::Tensor labels = {{0}, {1}};
  for (const float big : {1e4f, 3e38f}) {
    INFO("logits of ±" << big);
    const nn::Tensor z = {{big, -big, 0.0f}, {-big, big, 0.0f}};  // right, with full confidence
    // From logits, and fused after a softmax: the loss is 0 and the gradient (p − y)/N is 0.
    nn::Var logits(z, true);
    nn::Var fused = nn::SparseCategoricalCrossentropy()(labels, nn::softmax(logits));
    CHECK(fused.item() == 0.0f);
    fused.backward();
    CHECK(all_finite(logits.grad()));
    nn::Var raw(z, true);
    nn::Var from_logits = nn::SparseCategoricalCrossentropy(true)(labels, raw);
    CHECK(from_logits.item() == 0.0f);
    from_logits.backward();
    CHECK(all_finite(raw.grad()));
    const nn::Tensor one_hot = {{1, 0, 0}, {0, 1, 0}};
    CHECK(nn::CategoricalCrossentropy(true).forward(one_hot, z) == 0.0);

    // Wrong with full confidence: the loss is the gap between the logits, 2·big (in double;
    // 6e38 is past float's range, so a float loss of it reads as infinity, which fit reports).
    const nn::Tensor wrong = {{1}, {0}};
    const double loss = nn::SparseCategoricalCrossentropy(true).forward(wrong, z);
    CHECK(std::isfinite(loss));
    CHECK(loss == Approx(2.0 * big));
    nn::Tensor dz;
    nn::SparseCategoricalCrossentropy(true).backward(wrong, z, dz);
    CHECK(all_finite(dz));
    CHECK(dz(0, 0) == Approx(0.5));  // (p − onehot)/N = (1 − 0)/2
    CHECK(dz(0, 1) == Approx(-0.5));

    // Binary, from logits and fused after a sigmoid.
    const nn::Tensor b = {{big}, {-big}}, t = {{1}, {0}};
    CHECK(nn::BinaryCrossentropy(true).forward(t, b) == 0.0);
    CHECK(nn::BinaryCrossentropy(true).forward(nn::Tensor({{0}, {1}}), b) == Approx(big));
    nn::Var s(b, true);
    nn::Var bce = nn::BinaryCrossentropy()(t, nn::sigmoid(s));
    CHECK(std::isfinite(bce.item()));
    bce.backward();
    CHECK(all_finite(s.grad()));
  }
}

TEST_CASE("evaluate and predict refuse NaN or infinite data, naming the row") {
  nn::Sequential model = regressor();
  const nn::Tensor x = normal(10, 3, 7), y = normal(10, 1, 8);
  model.fit(x, y, quiet(1, 5));

  // As fit does: a NaN loss would hide where the hole is, and a NaN prediction would not be
  // one here: ReLU turns NaN into 0, so the row would get a confident, meaningless answer.
  nn::Tensor holes = x;
  holes(6, 0) = kNaN;
  CHECK_THROWS_WITH(model.evaluate(holes, y, 32, 0),
                    Catch::Contains("evaluate: x holds NaN in row 6, column 0"));
  nn::Tensor bad_y = y;
  bad_y(2, 0) = kInf;
  CHECK_THROWS_WITH(model.evaluate(x, bad_y, 32, 0),
                    Catch::Contains("evaluate: y holds infinity in row 2, column 0"));
  CHECK_THROWS_WITH(model.predict(holes),
                    Catch::Contains("predict: x holds NaN in row 6, column 0"));
  holes(6, 0) = -kInf;
  CHECK_THROWS_WITH(model.predict_outputs({holes}),
                    Catch::Contains("predict: x holds infinity in row 6, column 0"));
  CHECK(all_finite(model.predict(x)));
  CHECK(std::isfinite(model.evaluate(x, y, 32, 0).at("loss")));
}
