#include "exercises/02_backprop/zero_init_symmetry.h"

#include "lib/nn.h"

namespace exercises {

int distinct_units(const nn::Tensor& kernel, const nn::Tensor& bias, double tol) {
  // TODO: check the bias's shape; for each unit j, compare its column and bias with every
  // earlier unit; count the units that equal none of them.
  (void)bias;
  (void)tol;
  return static_cast<int>(kernel.shape(1));
}

std::vector<nn::Tensor> trained_first_layer(const std::string& initializer, const nn::Tensor& x,
                                            const nn::Tensor& y, std::uint64_t seed) {
  // TODO: seed, build the two Dense layers with `initializer` for both kernels, compile with
  // "mse" and nn::SGD(0.1), fit 30 epochs of batches of 16, return layers()[0]'s weights.
  (void)initializer;
  (void)x;
  (void)y;
  (void)seed;
  return {};
}

}  // namespace exercises
