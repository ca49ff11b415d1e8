// Mistake: z starts at 0 instead of at the bias, so the TLU ignores b.
#include "exercises/01_perceptron/tlu.h"

#include <stdexcept>
#include <string>

namespace exercises {

int heaviside(float z) { return z < 0.0f ? 0 : 1; }

int tlu_output(const std::vector<float>& w, float b, const std::vector<float>& x) {
  if (w.size() != x.size()) {
    throw std::invalid_argument("tlu_output: " + std::to_string(w.size()) + " weights for " +
                                std::to_string(x.size()) + " inputs");
  }
  (void)b;
  float z = 0.0f;
  for (std::size_t i = 0; i < w.size(); ++i) z += w[i] * x[i];
  return heaviside(z);
}

}  // namespace exercises
