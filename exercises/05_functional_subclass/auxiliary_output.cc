#include "exercises/05_functional_subclass/auxiliary_output.h"

namespace exercises {

nn::Functional wide_deep_with_aux(std::size_t wide, std::size_t deep, int units) {
  // TODO: two inputs, the deep path, the concatenation and two named outputs. This stub has
  // one output and ignores the deep input's layers.
  (void)units;
  const nn::SymbolicTensor wide_input = nn::Input({wide}, "wide_input");
  const nn::SymbolicTensor deep_input = nn::Input({deep}, "deep_input");
  const nn::SymbolicTensor both = nn::Concatenate("concat")({wide_input, deep_input});
  return nn::Functional({wide_input, deep_input}, {nn::Dense(1)(both)}, "wide_deep_aux");
}

void compile_weighted(nn::Model& model, double learning_rate) {
  // TODO: one "mse" per output, Adam(learning_rate), the metric "mae", weights 0.9 and 0.1.
  model.compile("mse", nn::SGD(learning_rate));
}

}  // namespace exercises
