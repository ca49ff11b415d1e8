// BatchNormalization: training and inference outputs against numpy, the moving statistics,
// gradients by finite differences in both modes, and the weights in Keras's order.
#include "lib/layers/batch_normalization.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/gradient_check.h"

namespace {

const nn::Tensor kX = {{1, 2}, {3, 6}, {5, 4}};

void check_close(const nn::Tensor& got, const nn::Tensor& expected, double margin = 1e-5) {
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("entry " << i << ": expected " << expected.data()[i] << ", got " << got.data()[i]);
    CHECK(got.data()[i] == Approx(expected.data()[i]).margin(margin));
  }
}

// γ = [2, 0.5], β = [0.1, −1], moving_mean = [1, 2], moving_variance = [4, 0.25].
nn::BatchNormalization configured(double momentum) {
  nn::BatchNormalization bn(momentum);
  bn->build({2});
  bn->set_weights({{{2.0f, 0.5f}}, {{0.1f, -1.0f}}, {{1.0f, 2.0f}}, {{4.0f, 0.25f}}});
  return bn;
}

}  // namespace

TEST_CASE("BatchNormalization in training: the batch's statistics, and the moving ones move") {
  nn::BatchNormalization bn = configured(0.9);
  const nn::Var y = bn(nn::Var(kX), true);
  // numpy: m = x.mean(0), v = x.var(0); g * (x - m) / np.sqrt(v + 1e-3) + b
  check_close(y.value(),
              {{-2.34903059f, -1.61225765f}, {0.1f, -0.38774235f}, {2.54903059f, -1.0f}});
  const auto weights = bn->get_weights();
  // 0.9 · [1, 2] + 0.1 · [3, 4] and 0.9 · [4, 0.25] + 0.1 · [8/3, 8/3]
  check_close(weights[2], {{1.2f, 2.2f}});
  check_close(weights[3], {{3.8666667f, 0.49166667f}});
}

TEST_CASE("BatchNormalization at inference: the moving statistics, nothing moves") {
  nn::BatchNormalization bn = configured(0.9);
  const nn::Var y = bn(nn::Var(kX), false);
  // numpy: g * (x - mm) / np.sqrt(mv + 1e-3) + b with mm = [1, 2], mv = [4, 0.25]
  check_close(y.value(), {{0.1f, -1.0f}, {2.09975005f, 2.99202392f}, {4.09950009f, 0.99601196f}});
  check_close(bn->get_weights()[2], {{1.0f, 2.0f}});
  check_close(bn->get_weights()[3], {{4.0f, 0.25f}});
}

TEST_CASE("BatchNormalization gradients match finite differences, training and not") {
  const nn::Tensor w = {{0.3f, -1.2f}, {0.8f, 0.5f}, {-0.7f, 1.1f}};
  for (bool training : {false, true}) {
    nn::BatchNormalization bn = configured(1.0);  // momentum 1: the moving stats stay put
    nn::Var x(nn::Tensor{{1.0f, 2.0f}, {3.0f, 6.5f}, {5.5f, 4.0f}}, true);
    std::vector<nn::Parameter*> trainable;
    for (nn::Parameter* p : bn->parameters()) {
      if (p->trainable()) trainable.push_back(p);
    }
    REQUIRE(trainable.size() == 2);  // gamma, beta
    const auto result =
        nn::gradient_check([&] { return nn::weighted_sum(bn(x, training), w); }, {x}, trainable);
    INFO("training " << training << ": " << result.worst);
    CHECK(result.passed);
    CHECK(result.checked == 10);
  }
}

TEST_CASE("BatchNormalization: Keras's weights, order and config; bad settings") {
  nn::BatchNormalization bn;
  bn->build({3});
  const auto parameters = bn->parameters();
  REQUIRE(parameters.size() == 4);
  CHECK(parameters[0]->name() == "gamma");
  CHECK(parameters[1]->name() == "beta");
  CHECK(parameters[2]->name() == "moving_mean");
  CHECK_FALSE(parameters[2]->trainable());
  CHECK(parameters[3]->name() == "moving_variance");
  CHECK_FALSE(parameters[3]->trainable());
  CHECK(bn->get_config()["momentum"] == Approx(0.99));
  CHECK(bn->get_config()["epsilon"] == Approx(1e-3));
  CHECK(bn->name() == "batch_normalization");
  CHECK_THROWS_AS(nn::BatchNormalization(1.5), nn::ValueError);
  CHECK_THROWS_AS(nn::BatchNormalization(0.9, 0.0), nn::ValueError);
  CHECK_THROWS_AS(bn(nn::Var(nn::Tensor{{1.0f, 2.0f}}), false), nn::ShapeError);
}
