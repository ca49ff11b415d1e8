// Mistake: no check that w and x have the same length; extra entries are silently ignored.
#include "exercises/01_perceptron/tlu.h"

namespace exercises {

int heaviside(float z) { return z < 0.0f ? 0 : 1; }

int tlu_output(const std::vector<float>& w, float b, const std::vector<float>& x) {
  float z = b;
  for (std::size_t i = 0; i < w.size() && i < x.size(); ++i) z += w[i] * x[i];
  return heaviside(z);
}

}  // namespace exercises
