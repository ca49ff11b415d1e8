// Tests for exercise 6.8. Do not edit: `./book grade batch_size_rate` runs them.
// Reference values: by hand in the comments; for the training, the library's SGD on a linear
// model, with small batches as the reference for what an epoch should do.
#include "exercises/06_tuning/batch_size_rate.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/nn.h"

using exercises::scaled_learning_rate;
using exercises::steps_per_epoch;

namespace {

// The kernel and bias of a linear model after one epoch of SGD, in order (no shuffle).
std::vector<nn::Tensor> one_epoch(std::size_t batch, double rate) {
  nn::Rng rng(4);
  nn::Tensor x = rng.normal_tensor(512, 3);
  nn::Tensor y = nn::Tensor::from_shape({512, 1});
  for (std::size_t i = 0; i < 512; ++i) {
    y(i, 0) = 2 * x(i, 0) - x(i, 1) + 0.5f * x(i, 2) + 1 + 0.1f * rng.normal();
  }
  nn::set_random_seed(9);
  nn::Sequential model({nn::Dense(1)});
  model.compile("mse", nn::SGD(rate));
  nn::FitOptions options;
  options.epochs = 1;
  options.batch_size = static_cast<int>(batch);
  options.shuffle = false;
  options.verbose = 0;
  model.fit(x, y, options);
  return model.get_weights();
}

double distance(const std::vector<nn::Tensor>& a, const std::vector<nn::Tensor>& b) {
  double squares = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    for (std::size_t i = 0; i < a[k].size(); ++i) {
      squares += std::pow(a[k].data()[i] - b[k].data()[i], 2);
    }
  }
  return std::sqrt(squares);
}

}  // namespace

TEST_CASE("steps per epoch count the last, smaller batch") {
  CHECK(steps_per_epoch(55000, 32) == 1719);  // Fashion-MNIST's training set: 1718 full + 1
  CHECK(steps_per_epoch(64, 32) == 2);
  CHECK(steps_per_epoch(65, 32) == 3);
  CHECK(steps_per_epoch(10, 32) == 1);
  CHECK(steps_per_epoch(0, 32) == 0);
  CHECK_THROWS_AS(steps_per_epoch(10, 0), std::invalid_argument);
}

TEST_CASE("the linear and square-root rules") {
  CHECK(scaled_learning_rate(0.01, 32, 256) == Approx(0.08).epsilon(1e-12));
  CHECK(scaled_learning_rate(0.01, 32, 256, "linear") == Approx(0.08).epsilon(1e-12));
  CHECK(scaled_learning_rate(0.1, 256, 32) == Approx(0.0125).epsilon(1e-12));
  CHECK(scaled_learning_rate(0.001, 32, 128, "sqrt") == Approx(0.002).epsilon(1e-12));
  CHECK(scaled_learning_rate(0.02, 48, 64) == Approx(0.02 * 64 / 48).epsilon(1e-12));
  CHECK_THROWS_AS(scaled_learning_rate(0.01, 32, 64, "cubic"), std::invalid_argument);
  CHECK_THROWS_AS(scaled_learning_rate(0.0, 32, 64), std::invalid_argument);
  CHECK_THROWS_AS(scaled_learning_rate(0.01, 0, 64), std::invalid_argument);
}

TEST_CASE("one epoch with 8 times bigger batches at the scaled rate lands where small batches do") {
  const std::vector<nn::Tensor> small = one_epoch(8, 0.002);
  const std::vector<nn::Tensor> scaled = one_epoch(64, scaled_learning_rate(0.002, 8, 64));
  const std::vector<nn::Tensor> unscaled = one_epoch(64, 0.002);
  const double near = distance(scaled, small), far = distance(unscaled, small);
  INFO("distance from the small-batch epoch: scaled rate " << near << ", same rate " << far);
  CHECK(near < far / 5);
}
