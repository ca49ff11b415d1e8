// Determinism across thread counts: fit() with one thread and with two (nn::gemm's split
// products, fit()'s split batch copies) must give the same bits, so that a seed means the
// same numbers on every machine.
#include <catch2/catch.hpp>

#include "lib/gemm.h"
#include "lib/initializers.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

std::vector<nn::Tensor> trained_weights(int threads) {
  nn::set_blas_threads(threads);
  nn::Rng rng(3);
  const nn::Tensor x = rng.normal_tensor(320, 784);  // a batch of 32 rows is split in two
  nn::Tensor y = nn::Tensor::from_shape({320, 1});
  for (std::size_t r = 0; r < 320; ++r) y(r, 0) = static_cast<float>(rng.below(10));
  nn::set_random_seed(4);
  nn::Sequential model({nn::Dense(300, "relu"), nn::Dense(100, "relu"), nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});
  nn::FitOptions options;
  options.epochs = 2;
  options.seed = 5;
  options.verbose = 0;
  model.fit(x, y, options);
  return model.get_weights();
}

}  // namespace

TEST_CASE("fit with one thread and with two: the same weights, bit for bit") {
  const int saved = nn::blas_threads();
  const std::vector<nn::Tensor> one = trained_weights(1);
  const std::vector<nn::Tensor> two = trained_weights(2);
  const std::vector<nn::Tensor> again = trained_weights(2);
  nn::set_blas_threads(saved);
  REQUIRE(one.size() == two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    CAPTURE(i);
    CHECK(bool(one[i] == two[i]));
    CHECK(bool(two[i] == again[i]));
  }
}
