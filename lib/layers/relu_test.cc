// ReLU, LeakyReLU and Softmax as layers: values worked by hand, gradients by finite
// differences, Keras's configs.
#include "lib/layers/relu.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/layers/softmax.h"

namespace {

void check_close(const nn::Tensor& got, const nn::Tensor& expected) {
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("entry " << i);
    CHECK(got.data()[i] == Approx(expected.data()[i]).margin(1e-6));
  }
}

}  // namespace

TEST_CASE("LeakyReLU: x above 0, negative_slope · x below") {
  nn::LeakyReLU leaky(0.2);
  // By hand: 0.2 · −2 = −0.4, 0.2 · −0.5 = −0.1.
  check_close(leaky(nn::Var(nn::Tensor{{-2.0f, -0.5f, 0.5f, 3.0f}})).value(),
              {{-0.4f, -0.1f, 0.5f, 3.0f}});
  CHECK(leaky->class_name() == "LeakyReLU");
  CHECK(leaky->name() == "leaky_re_lu");  // Keras's snake case of LeakyReLU
  CHECK(leaky->get_config()["negative_slope"] == Approx(0.2));
  CHECK(nn::LeakyReLU()->negative_slope() == Approx(0.3));  // Keras 3's default
  CHECK_THROWS_AS(nn::LeakyReLU(-0.1), nn::ValueError);
}

TEST_CASE("ReLU with max_value, negative_slope and threshold, as Keras defines them") {
  nn::ReLU relu(6.0, 0.1, 1.0);
  // By hand: below the threshold 1, 0.1 · (x − 1): −0.2 and −0.05; 2 passes; 7 caps at 6.
  check_close(relu(nn::Var(nn::Tensor{{-1.0f, 0.5f, 2.0f, 7.0f}})).value(),
              {{-0.2f, -0.05f, 2.0f, 6.0f}});
  check_close(nn::ReLU()(nn::Var(nn::Tensor{{-1.0f, 2.0f}})).value(), {{0.0f, 2.0f}});
  CHECK(relu->get_config()["max_value"] == 6.0);
  CHECK(nn::ReLU()->get_config()["max_value"].is_null());
  CHECK(nn::ReLU()->name() == "re_lu");
  CHECK_THROWS_AS(nn::ReLU(-1.0), nn::ValueError);
}

TEST_CASE("ReLU and LeakyReLU gradients match finite differences away from the kinks") {
  nn::Var x(nn::Tensor{{-1.5f, -0.3f, 0.4f, 2.5f}, {0.7f, -2.2f, 1.8f, 6.4f}}, true);
  const nn::Tensor w = {{0.3f, -1.2f, 0.8f, 0.5f}, {-0.7f, 1.1f, 0.2f, -0.4f}};
  nn::LeakyReLU leaky(0.2);
  nn::ReLU relu6(6.0, 0.05, 0.1);
  for (auto* layer : std::vector<nn::Layer*>{&*leaky, &*relu6}) {
    const auto result =
        nn::gradient_check([&] { return nn::weighted_sum((*layer)(x, false), w); }, {x});
    INFO(layer->class_name() << ": " << result.worst);
    CHECK(result.passed);
    CHECK(result.checked == 8);
  }
}

TEST_CASE("Softmax layer: rows that sum to 1, and its gradient") {
  nn::Softmax softmax;
  nn::Var x(nn::Tensor{{1.0f, 2.0f, 3.0f}, {0.0f, 0.0f, 0.0f}}, true);
  // numpy: np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum() = [0.09003057, 0.24472847, 0.66524096].
  check_close(softmax(x).value(),
              {{0.09003057f, 0.24472847f, 0.66524096f}, {1 / 3.0f, 1 / 3.0f, 1 / 3.0f}});
  const nn::Tensor w = {{0.5f, -1.0f, 2.0f}, {1.5f, 0.2f, -0.3f}};
  const auto result = nn::gradient_check([&] { return nn::weighted_sum(softmax(x), w); }, {x});
  INFO(result.worst);
  CHECK(result.passed);
  CHECK(softmax->get_config()["axis"] == -1);
  CHECK(softmax->name() == "softmax");
}
