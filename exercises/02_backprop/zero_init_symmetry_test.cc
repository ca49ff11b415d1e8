// Tests for exercise 2.8. Do not edit: `./book grade zero_init_symmetry` runs them.
// Reference values: small layers counted by hand; for training, the argument of the
// statement (equal units get equal gradients), checked on the library's own network.
#include "exercises/02_backprop/zero_init_symmetry.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/random.h"

using exercises::distinct_units;
using exercises::trained_first_layer;

namespace {

struct Data {
  nn::Tensor x = nn::Tensor::from_shape({64, 2});
  nn::Tensor y = nn::Tensor::from_shape({64, 1});
  Data() {
    nn::Rng rng(12);
    for (std::size_t i = 0; i < 64; ++i) {
      x(i, 0) = rng.uniform(-2.0f, 2.0f);
      x(i, 1) = rng.uniform(-1.0f, 1.0f);
      y(i, 0) = std::sin(x(i, 0)) + x(i, 1) * x(i, 1);
    }
  }
};

}  // namespace

TEST_CASE("counting units: a column of the kernel together with its bias") {
  // Units 0 and 2 are equal; unit 1 has unit 0's column but another bias; unit 3 is new.
  const nn::Tensor kernel = {{1, 1, 1, 0}, {2, 2, 2, 5}};
  const nn::Tensor bias = {{0.5f, 0.7f, 0.5f, 0.5f}};
  CHECK(distinct_units(kernel, bias) == 3);
  CHECK(distinct_units(kernel, nn::Tensor{{0.5f, 0.5f, 0.5f, 0.5f}}) == 2);
  CHECK(distinct_units(xt::zeros<float>({3, 8}), xt::zeros<float>({1, 8})) == 1);
  // Rows are not units: a kernel with two equal rows still has three different columns.
  CHECK(distinct_units(nn::Tensor{{1, 2, 3}, {1, 2, 3}}, nn::Tensor{{0, 0, 0}}) == 3);
  // The tolerance: 1e-7 apart is the same unit, 1e-3 apart is not.
  CHECK(distinct_units(nn::Tensor{{1.0f, 1.0000001f}}, nn::Tensor{{0, 0}}) == 1);
  CHECK(distinct_units(nn::Tensor{{1.0f, 1.001f}}, nn::Tensor{{0, 0}}) == 2);
  CHECK(distinct_units(nn::Tensor{{1.0f, 1.001f}}, nn::Tensor{{0, 0}}, 0.01) == 1);
  CHECK_THROWS_AS(distinct_units(kernel, nn::Tensor{{0, 0, 0}}), nn::ShapeError);
}

TEST_CASE("from equal weights, the eight hidden units stay one unit") {
  const Data data;
  const std::vector<nn::Tensor> ones = trained_first_layer("ones", data.x, data.y, 3);
  REQUIRE(ones.size() == 2);
  REQUIRE(nn::shape_string(ones[0]) == "(2, 8)");
  // They did learn (the kernel moved from all ones), but all alike.
  CHECK(xt::amax(xt::abs(ones[0] - 1.0f))() > 1e-3f);
  CHECK(distinct_units(ones[0], ones[1]) == 1);
}

TEST_CASE("from zeros, the hidden layer never moves at all") {
  const Data data;
  const std::vector<nn::Tensor> zeros = trained_first_layer("zeros", data.x, data.y, 3);
  REQUIRE(zeros.size() == 2);
  CHECK(xt::amax(xt::abs(zeros[0]))() == 0.0f);
  CHECK(xt::amax(xt::abs(zeros[1]))() == 0.0f);
  CHECK(distinct_units(zeros[0], zeros[1]) == 1);
}

TEST_CASE("random initial weights give eight different units") {
  const Data data;
  const std::vector<nn::Tensor> glorot = trained_first_layer("glorot_uniform", data.x, data.y, 3);
  REQUIRE(glorot.size() == 2);
  CHECK(distinct_units(glorot[0], glorot[1]) == 8);
  // The same seed gives the same bits.
  const std::vector<nn::Tensor> again = trained_first_layer("glorot_uniform", data.x, data.y, 3);
  CHECK((again[0] == glorot[0]));
}
