// Normalization: the statistics adapt() learns, the forward pass and its gradient, the weights
// that carry the statistics, and the errors a reader can run into.
#include "lib/layers/normalization.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"

namespace {

// Four rows, three features of very different sizes.
const nn::Tensor kData = {{1, 10, -3}, {2, 30, 5}, {4, 20, 1}, {5, 40, 3}};

void check_close(const nn::Tensor& got, const nn::Tensor& expected, double tolerance) {
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("entry " << i << ": expected " << expected.data()[i] << ", got " << got.data()[i]);
    CHECK(got.data()[i] == Approx(expected.data()[i]).margin(tolerance));
  }
}

}  // namespace

TEST_CASE("adapt learns the population mean and variance of each feature") {
  nn::Normalization norm;
  norm.adapt(kData);
  // numpy: x.mean(axis=0) = [3, 25, 1.5], x.var(axis=0) = [2.5, 125, 8.75] (ddof=0).
  check_close(norm->mean(), {{3.0f, 25.0f, 1.5f}}, 1e-6);
  check_close(norm->variance(), {{2.5f, 125.0f, 8.75f}}, 1e-5);
  CHECK(norm->count() == 4.0);
  CHECK(norm->adapted());
  CHECK(norm->built());
  CHECK(norm->input_dims() == std::vector<std::size_t>{3});
}

TEST_CASE("forward standardizes each feature with the adapted statistics") {
  nn::Normalization norm;
  norm.adapt(kData);
  const nn::Var y = norm(nn::Var(nn::Tensor{{0, 5, 7}, {6, 50, -2}}));
  // numpy: (z - x.mean(0)) / np.sqrt(x.var(0)) for z = [[0, 5, 7], [6, 50, -2]].
  check_close(
      y.value(),
      {{-1.897366596f, -1.788854382f, 1.85933936f}, {1.897366596f, 2.236067977f, -1.183215957f}},
      1e-5);
  // The adapted data themselves come out with mean 0 and variance 1 in every column.
  const nn::Tensor z = norm(nn::Var(kData)).value();
  for (std::size_t j = 0; j < 3; ++j) {
    double sum = 0, squares = 0;
    for (std::size_t i = 0; i < 4; ++i) sum += z(i, j);
    for (std::size_t i = 0; i < 4; ++i) squares += z(i, j) * z(i, j);
    CHECK(sum / 4 == Approx(0.0).margin(1e-6));
    CHECK(squares / 4 == Approx(1.0).epsilon(1e-5));
  }
}

TEST_CASE("Keras's documented example: each index on the last axis") {
  // From the docstring of keras.layers.Normalization (axis=-1): adapting on these rows and
  // calling the layer on [[0, 7, 4]] gives [[-1, -1, -1]].
  nn::Normalization norm;
  norm.adapt(nn::Tensor{{0, 7, 4}, {2, 9, 6}, {0, 7, 4}, {2, 9, 6}});
  check_close(norm(nn::Var(nn::Tensor{{0, 7, 4}})).value(), {{-1, -1, -1}}, 1e-6);
}

TEST_CASE("a constant feature is divided by Keras's epsilon, not by zero") {
  nn::Normalization norm;
  norm.adapt(nn::Tensor{{1, 5}, {3, 5}});
  const nn::Tensor y = norm(nn::Var(nn::Tensor{{2, 5}, {2, 5.000001f}})).value();
  CHECK(y(0, 1) == 0.0f);  // x = mean: exactly 0, no NaN
  CHECK(std::isfinite(y(1, 1)));
  CHECK(y(1, 1) > 1.0f);  // a tiny difference over ε = 1e-7 is large, as in Keras
}

TEST_CASE("the gradient flows to the input: dx = dy / sqrt(variance)") {
  nn::Normalization norm;
  norm.adapt(kData);
  nn::Var x(nn::Tensor{{0.5f, 12, 2}, {3.5f, 33, -1}}, true);
  const nn::Tensor w = {{1, -2, 3}, {0.5f, 4, -1}};
  const nn::GradientCheckResult check =
      nn::gradient_check([&] { return nn::weighted_sum(norm(x), w); }, {x});
  INFO(check.worst);
  CHECK(check.passed);
  CHECK(check.checked == 6);
  // numpy: 1 / np.sqrt(x.var(0)) = [0.632455532, 0.089442719, 0.338061702].
  x.zero_grad();
  nn::weighted_sum(norm(x), w).backward();
  const nn::Tensor s = {{0.632455532f, 0.089442719f, 0.338061702f}};
  check_close(x.grad(), w * s, 1e-6);
}

TEST_CASE("the statistics are non-trainable weights in Keras's order") {
  nn::Normalization norm;
  CHECK(norm->parameters().empty());  // nothing before it is built
  norm.adapt(kData);
  const std::vector<nn::Parameter*> params = norm->parameters();
  REQUIRE(params.size() == 3);
  CHECK(params[0]->name() == "mean");
  CHECK(params[1]->name() == "variance");
  CHECK(params[2]->name() == "count");
  for (const nn::Parameter* p : params) CHECK_FALSE(p->trainable());
  CHECK(params[2]->value().shape(0) == 1);
  CHECK(params[2]->value().shape(1) == 1);
  CHECK(norm->count_params() == 7);  // 3 means, 3 variances, 1 count: Keras's summary says 7
}

TEST_CASE("training a model leaves the statistics alone") {
  nn::Normalization norm;
  norm.adapt(kData);
  const std::vector<nn::Tensor> before = norm->get_weights();
  nn::Sequential model({norm, nn::Dense(1)});
  model.compile("mse", "sgd");
  model.fit(kData, nn::Tensor{{1}, {2}, {3}, {4}}, {.epochs = 3, .seed = 1, .verbose = 0});
  const std::vector<nn::Tensor> after = norm->get_weights();
  for (std::size_t i = 0; i < 3; ++i) CHECK((after[i] == before[i]));
  CHECK(model.trainable_parameters().size() == 2);  // the Dense kernel and bias only
  std::ostringstream summary;
  model.summary(summary);
  CHECK_THAT(summary.str(), Catch::Contains("Non-trainable params: 7\n"));
}

TEST_CASE("get_weights and set_weights carry the statistics to a new layer") {
  nn::Normalization norm;
  norm.adapt(kData);
  const nn::Tensor probe = {{0, 5, 7}, {6, 50, -2}};
  const nn::Tensor expected = norm(nn::Var(probe)).value();

  nn::Normalization restored;
  restored->build({3});
  CHECK_FALSE(restored->adapted());  // built, but count = 0
  CHECK_THROWS_WITH(restored(nn::Var(probe)), Catch::Contains("adapt"));
  restored->set_weights(norm->get_weights());
  CHECK(restored->adapted());
  CHECK((restored(nn::Var(probe)).value() == expected));

  nn::Normalization narrow;
  narrow->build({2});
  CHECK_THROWS_AS(narrow->set_weights(norm->get_weights()), nn::ShapeError);
  CHECK_THROWS_AS(narrow->set_weights({norm->get_weights()[0]}), nn::ValueError);
}

TEST_CASE("Keras's config keys") {
  nn::Normalization norm("inputs_scaled");
  const nlohmann::json config = norm->get_config();
  CHECK(norm->class_name() == "Normalization");
  CHECK(config["name"] == "inputs_scaled");
  CHECK(config["axis"] == nlohmann::json::array({-1}));
  CHECK(config["invert"] == false);
  CHECK(config["mean"].is_null());
  CHECK(config["variance"].is_null());
  CHECK(config["trainable"] == true);
  CHECK(nn::Normalization()->name() == "normalization");
}

TEST_CASE("clear errors: used before adapt, wrong widths, bad data") {
  nn::Normalization fresh;
  CHECK_THROWS_WITH(fresh(nn::Var(kData)),
                    Catch::Contains("normalization") && Catch::Contains("adapt(x_train)"));
  nn::Normalization norm;
  norm.adapt(kData);
  nn::Var wide(nn::Tensor(xt::zeros<float>({2, 4})));
  CHECK_THROWS_AS(norm(wide), nn::ShapeError);
  CHECK_THROWS_WITH(norm(wide), Catch::Contains("(2, 4)") && Catch::Contains("(1, 3)"));
  CHECK_THROWS_WITH(norm.adapt(nn::Tensor(xt::zeros<float>({5, 2}))),
                    Catch::Contains("3 features") && Catch::Contains("(5, 2)"));
  CHECK_THROWS_AS(nn::Normalization().adapt(nn::Tensor::from_shape({0, 3})), nn::ValueError);
  nn::Tensor holes = kData;
  holes(2, 1) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(nn::Normalization().adapt(holes), Catch::Contains("x(2, 1)"));
}
