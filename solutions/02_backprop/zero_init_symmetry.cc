// Reference solution of exercise 2.8.
#include "exercises/02_backprop/zero_init_symmetry.h"

#include <cmath>

#include "lib/nn.h"

namespace exercises {

namespace {

bool same_unit(const nn::Tensor& kernel, const nn::Tensor& bias, std::size_t a, std::size_t b,
               double tol) {
  if (std::abs(bias(0, a) - bias(0, b)) > tol) return false;
  for (std::size_t i = 0; i < kernel.shape(0); ++i) {
    if (std::abs(kernel(i, a) - kernel(i, b)) > tol) return false;
  }
  return true;
}

}  // namespace

int distinct_units(const nn::Tensor& kernel, const nn::Tensor& bias, double tol) {
  if (bias.shape(0) != 1 || bias.shape(1) != kernel.shape(1)) {
    throw nn::ShapeError("distinct_units: bias " + nn::shape_string(bias) +
                         " does not fit kernel " + nn::shape_string(kernel));
  }
  int distinct = 0;
  for (std::size_t j = 0; j < kernel.shape(1); ++j) {
    bool seen = false;
    for (std::size_t earlier = 0; earlier < j && !seen; ++earlier) {
      seen = same_unit(kernel, bias, j, earlier, tol);
    }
    if (!seen) ++distinct;
  }
  return distinct;
}

std::vector<nn::Tensor> trained_first_layer(const std::string& initializer, const nn::Tensor& x,
                                            const nn::Tensor& y, std::uint64_t seed) {
  nn::set_random_seed(seed);
  nn::Sequential model({nn::Dense(8, "tanh", initializer), nn::Dense(1, "linear", initializer)});
  model.compile("mse", nn::SGD(0.1));
  nn::FitOptions options;
  options.epochs = 30;
  options.batch_size = 16;
  options.verbose = 0;
  options.seed = seed;
  model.fit(x, y, options);
  return model.layers()[0]->get_weights();
}

}  // namespace exercises
