// Mistake: gives the output unit a ReLU, so the model cannot predict a negative value.
#include "exercises/05_functional_subclass/wide_deep_functional.h"

namespace exercises {

nn::Functional wide_and_deep(std::size_t features, int units) {
  nn::Dense hidden1(units, "relu", "glorot_uniform", "zeros", "hidden1");
  nn::Dense hidden2(units, "relu", "glorot_uniform", "zeros", "hidden2");
  nn::Dense output(1, "relu", "glorot_uniform", "zeros", "output");
  const nn::SymbolicTensor input = nn::Input({features}, "features");          // (None, f)
  const nn::SymbolicTensor hidden = hidden2(hidden1(input));                   // (None, u)
  const nn::SymbolicTensor both = nn::Concatenate("concat")({input, hidden});  // (None, f + u)
  return nn::Functional({input}, {output(both)}, "wide_and_deep");
}

}  // namespace exercises
