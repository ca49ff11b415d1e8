// Tests for exercise 3.8. Do not edit: `./book grade adapt_in_batches` runs them.
// Reference values: the library's nn::Normalization::adapt on the whole data (one pass
// in double, lib/layers/normalization.cc), and a small case by hand.
#include "exercises/03_regression_mlp/adapt_in_batches.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/layers/normalization.h"
#include "lib/random.h"

using exercises::adapt_in_batches;
using exercises::RunningMoments;
using exercises::update;

namespace {

// 103 rows whose three features drift from row to row, so that batches differ in mean.
nn::Tensor drifting() {
  nn::Rng rng(6);
  nn::Tensor x = nn::Tensor::from_shape({103, 3});
  for (std::size_t i = 0; i < 103; ++i) {
    x(i, 0) = 0.1f * i + rng.normal();
    x(i, 1) = 50.0f + 3.0f * rng.normal() - 0.5f * i;
    x(i, 2) = (i < 60 ? 1.0f : 4.0f) + 0.2f * rng.normal();
  }
  return x;
}

void check_against_library(const RunningMoments& got, const nn::Tensor& x) {
  nn::Normalization whole;
  whole.adapt(x);
  CHECK(got.count == Approx(static_cast<double>(x.shape(0))));
  REQUIRE(nn::shape_string(got.mean) == nn::shape_string(whole->mean()));
  REQUIRE(nn::shape_string(got.variance) == nn::shape_string(whole->variance()));
  for (std::size_t j = 0; j < x.shape(1); ++j) {
    INFO("feature " << j << ": mean " << whole->mean()(0, j) << " and variance "
                    << whole->variance()(0, j) << " from the whole data; yours " << got.mean(0, j)
                    << " and " << got.variance(0, j));
    CHECK(got.mean(0, j) == Approx(whole->mean()(0, j)).epsilon(1e-5).margin(1e-5));
    CHECK(got.variance(0, j) == Approx(whole->variance()(0, j)).epsilon(1e-4));
  }
}

}  // namespace

TEST_CASE("two batches by hand: the spread between them counts") {
  // {1, 3} (mean 2, variance 1) and {10} (mean 10, variance 0). All three: mean 14/3, and
  // variance ((1 − 14/3)² + (3 − 14/3)² + (10 − 14/3)²) / 3 = (121 + 25 + 256) / 27 = 134/9.
  // Averaging the two variances, weighted or not, gives at most 1.
  RunningMoments stats;
  update(stats, nn::Tensor{{1.0f}, {3.0f}});
  CHECK(stats.count == 2);
  CHECK(stats.mean(0, 0) == Approx(2.0f));
  CHECK(stats.variance(0, 0) == Approx(1.0f));
  update(stats, nn::Tensor{{10.0f}});
  CHECK(stats.count == 3);
  CHECK(stats.mean(0, 0) == Approx(14.0 / 3).epsilon(1e-6));
  CHECK(stats.variance(0, 0) == Approx(134.0 / 9).epsilon(1e-6));
}

TEST_CASE("batch by batch gives what adapt gives on the whole data") {
  const nn::Tensor x = drifting();
  for (std::size_t batch_size :
       {std::size_t{10}, std::size_t{32}, std::size_t{1}, std::size_t{103}, std::size_t{500}}) {
    INFO("batch size " << batch_size);
    check_against_library(adapt_in_batches(x, batch_size), x);
  }
}

TEST_CASE("empty batches, a batch size of 0 and a change of width are refused") {
  RunningMoments stats;
  CHECK_THROWS_AS(update(stats, nn::Tensor::from_shape({0, 2})), std::invalid_argument);
  update(stats, nn::Tensor{{1.0f, 2.0f}});
  CHECK_THROWS_AS(update(stats, nn::Tensor{{1.0f, 2.0f, 3.0f}}), nn::ShapeError);
  CHECK_THROWS_AS(adapt_in_batches(drifting(), 0), std::invalid_argument);
}
