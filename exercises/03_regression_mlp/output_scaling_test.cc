// Tests for exercise 3.4. Do not edit: `./book grade output_scaling` runs them.
#include "exercises/03_regression_mlp/output_scaling.h"

#include <catch2/catch.hpp>

using exercises::choose_output_scaling;
using exercises::OutputScaling;

namespace {

// Miles per gallon of five training cars: from 9 to 46.6.
const nn::Tensor kMpg = {{18}, {9}, {46.6f}, {23.5f}, {31}};

}  // namespace

TEST_CASE("sigmoid: the training range becomes [0, 1]") {
  const OutputScaling s = choose_output_scaling("sigmoid", kMpg);
  const nn::Tensor t = s.transform(kMpg);
  REQUIRE(t.shape() == kMpg.shape());
  CHECK(t(1, 0) == Approx(0.0).margin(1e-6));  // the smallest label, 9
  CHECK(t(2, 0) == Approx(1.0));               // the largest, 46.6
  CHECK(t(0, 0) == Approx((18 - 9) / 37.6));   // the rest in proportion
  CHECK(t(3, 0) == Approx((23.5 - 9) / 37.6));
  CHECK(s.scale == Approx(1 / 37.6));
  CHECK(s.shift == Approx(-9 / 37.6));
}

TEST_CASE("tanh: the training range becomes [-1, 1], its middle 0") {
  const OutputScaling s = choose_output_scaling("tanh", kMpg);
  const nn::Tensor t = s.transform(kMpg);
  CHECK(t(1, 0) == Approx(-1.0));
  CHECK(t(2, 0) == Approx(1.0));
  CHECK(s.transform(nn::Tensor{{27.8f}})(0, 0) == Approx(0.0).margin(1e-6));  // (9 + 46.6) / 2
}

TEST_CASE("inverse undoes transform; outputs map back to miles per gallon") {
  for (const char* activation : {"sigmoid", "tanh"}) {
    INFO(activation);
    const OutputScaling s = choose_output_scaling(activation, kMpg);
    const nn::Tensor back = s.inverse(s.transform(kMpg));
    for (std::size_t i = 0; i < 5; ++i) CHECK(back(i, 0) == Approx(kMpg(i, 0)).epsilon(1e-5));
  }
  // A logistic output of 0.5 is the middle of the training range.
  CHECK(choose_output_scaling("sigmoid", kMpg).inverse(nn::Tensor{{0.5f}})(0, 0) == Approx(27.8));
  // A tanh output of -0.5 is a quarter of the way up from 9: 9 + 37.6 / 4.
  CHECK(choose_output_scaling("tanh", kMpg).inverse(nn::Tensor{{-0.5f}})(0, 0) == Approx(18.4));
}

TEST_CASE("labels outside the training range are not clipped") {
  const OutputScaling s = choose_output_scaling("sigmoid", kMpg);
  const nn::Tensor t = s.transform(nn::Tensor{{50.36f, 5.24f}});  // any shape works
  CHECK(t(0, 0) == Approx(1.1));
  CHECK(t(0, 1) == Approx(-0.1));
}

TEST_CASE("linear, relu and softplus leave the labels as they are") {
  for (const char* activation : {"linear", "relu", "softplus"}) {
    INFO(activation);
    const OutputScaling s = choose_output_scaling(activation, kMpg);
    CHECK(s.scale == 1.0);
    CHECK(s.shift == 0.0);
    CHECK((s.transform(kMpg) == kMpg));
    CHECK((s.inverse(kMpg) == kMpg));
  }
  const nn::Tensor temperatures = {{-3.5f}, {12}, {20}};
  CHECK(choose_output_scaling("linear", temperatures).scale == 1.0);
}

TEST_CASE("what cannot work is refused") {
  const nn::Tensor temperatures = {{-3.5f}, {12}, {20}};
  CHECK_THROWS_AS(choose_output_scaling("relu", temperatures), nn::ValueError);
  CHECK_THROWS_WITH(choose_output_scaling("softplus", temperatures), Catch::Contains("-3.5"));
  const nn::Tensor same = {{7}, {7}, {7}};
  CHECK_THROWS_AS(choose_output_scaling("sigmoid", same), nn::ValueError);
  CHECK_THROWS_AS(choose_output_scaling("tanh", same), nn::ValueError);
  CHECK_THROWS_AS(choose_output_scaling("sigmoid", nn::Tensor::from_shape({0, 1})), nn::ValueError);
  CHECK_THROWS_AS(choose_output_scaling("softmax", kMpg), nn::ValueError);
  CHECK_THROWS_WITH(choose_output_scaling("Sigmoid", kMpg),
                    Catch::Contains("sigmoid") && Catch::Contains("tanh") &&
                        Catch::Contains("linear") && Catch::Contains("relu") &&
                        Catch::Contains("softplus"));
}
