#include "exercises/04_classification_mlp/he_init.h"

namespace exercises {

double he_stddev(std::size_t fan_in) {
  // TODO: sqrt(2 / fan_in), refusing 0.
  (void)fan_in;
  return 1.0;
}

double he_uniform_limit(std::size_t fan_in) {
  // TODO: the limit whose uniform distribution has variance 2 / fan_in.
  (void)fan_in;
  return 1.0;
}

nn::Tensor he_uniform(std::size_t fan_in, std::size_t fan_out, nn::Rng& rng) {
  // TODO: fill a (fan_in, fan_out) tensor with rng.uniform(-limit, limit), row by row.
  (void)rng;
  return xt::zeros<float>({fan_in, fan_out});
}

std::vector<double> activation_rms(const nn::Tensor& x, const std::vector<nn::Tensor>& kernels) {
  // TODO: h = x; for each kernel: h = relu(h W) (check the shapes), record sqrt(mean(h^2)).
  (void)x;
  return std::vector<double>(kernels.size(), 1.0);
}

}  // namespace exercises
