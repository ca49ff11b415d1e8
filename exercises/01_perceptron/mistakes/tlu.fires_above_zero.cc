// Mistake: the step fires only above zero (z > 0), so a sum of exactly zero gives 0.
#include "exercises/01_perceptron/tlu.h"

#include <stdexcept>
#include <string>

namespace exercises {

int heaviside(float z) { return z > 0.0f ? 1 : 0; }

int tlu_output(const std::vector<float>& w, float b, const std::vector<float>& x) {
  if (w.size() != x.size()) {
    throw std::invalid_argument("tlu_output: " + std::to_string(w.size()) + " weights for " +
                                std::to_string(x.size()) + " inputs");
  }
  float z = b;
  for (std::size_t i = 0; i < w.size(); ++i) z += w[i] * x[i];
  return heaviside(z);
}

}  // namespace exercises
