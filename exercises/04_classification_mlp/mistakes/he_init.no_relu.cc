// Mistake: the activations are never passed through the ReLU
#include "exercises/04_classification_mlp/he_init.h"

#include <cmath>
#include <string>

namespace exercises {

double he_stddev(std::size_t fan_in) {
  if (fan_in == 0) throw std::invalid_argument("he_stddev: a fan-in of 0");
  return std::sqrt(2.0 / static_cast<double>(fan_in));
}

double he_uniform_limit(std::size_t fan_in) {
  if (fan_in == 0) throw std::invalid_argument("he_uniform_limit: a fan-in of 0");
  return std::sqrt(6.0 / static_cast<double>(fan_in));  // ℓ² / 3 = 2 / fan_in
}

nn::Tensor he_uniform(std::size_t fan_in, std::size_t fan_out, nn::Rng& rng) {
  const auto limit = static_cast<float>(he_uniform_limit(fan_in));
  nn::Tensor w = nn::Tensor::from_shape({fan_in, fan_out});
  for (float& v : w) v = rng.uniform(-limit, limit);  // row-major: the storage order
  return w;
}

std::vector<double> activation_rms(const nn::Tensor& x, const std::vector<nn::Tensor>& kernels) {
  std::vector<double> rms;
  nn::Tensor h = x;  // (batch, width)
  for (const nn::Tensor& W : kernels) {
    if (W.shape(0) != h.shape(1)) {
      throw nn::ShapeError("activation_rms: kernel " + nn::shape_string(W) +
                           " does not fit activations " + nn::shape_string(h));
    }
    nn::Tensor next = nn::Tensor::from_shape({h.shape(0), W.shape(1)});
    double squares = 0.0;
    for (std::size_t n = 0; n < h.shape(0); ++n) {
      for (std::size_t j = 0; j < W.shape(1); ++j) {
        double z = 0.0;
        for (std::size_t i = 0; i < h.shape(1); ++i) z += double{h(n, i)} * W(i, j);
        const double a = z;
        next(n, j) = static_cast<float>(a);
        squares += a * a;
      }
    }
    rms.push_back(std::sqrt(squares / static_cast<double>(next.size())));
    h = std::move(next);
  }
  return rms;
}

}  // namespace exercises
