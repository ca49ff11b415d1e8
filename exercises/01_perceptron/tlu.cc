#include "exercises/01_perceptron/tlu.h"

#include <stdexcept>

namespace exercises {

int heaviside(float z) {
  // TODO: return 0 below zero, 1 at zero and above.
  (void)z;
  return 0;
}

int tlu_output(const std::vector<float>& w, float b, const std::vector<float>& x) {
  // TODO: check the lengths, compute z = w·x + b, and return heaviside(z).
  (void)w;
  (void)b;
  (void)x;
  return 0;
}

}  // namespace exercises
