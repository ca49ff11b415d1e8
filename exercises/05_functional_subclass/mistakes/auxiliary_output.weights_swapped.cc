// Mistake: swaps the loss weights: 0.1 for the main output and 0.9 for the auxiliary.
#include "exercises/05_functional_subclass/auxiliary_output.h"

namespace exercises {

nn::Functional wide_deep_with_aux(std::size_t wide, std::size_t deep, int units) {
  nn::Dense hidden1(units, "relu", "glorot_uniform", "zeros", "hidden1");
  nn::Dense hidden2(units, "relu", "glorot_uniform", "zeros", "hidden2");
  nn::Dense main_output(1, "linear", "glorot_uniform", "zeros", "main_output");
  nn::Dense aux_output(1, "linear", "glorot_uniform", "zeros", "aux_output");
  const nn::SymbolicTensor wide_input = nn::Input({wide}, "wide_input");  // (None, wide)
  const nn::SymbolicTensor deep_input = nn::Input({deep}, "deep_input");  // (None, deep)
  const nn::SymbolicTensor hidden = hidden2(hidden1(deep_input));         // (None, units)
  const nn::SymbolicTensor both = nn::Concatenate("concat")({wide_input, hidden});
  return nn::Functional({wide_input, deep_input}, {main_output(both), aux_output(hidden)},
                        "wide_deep_aux");
}

void compile_weighted(nn::Model& model, double learning_rate) {
  model.compile({"mse", "mse"}, nn::Adam(learning_rate), {"mae"}, {0.1, 0.9});
}

}  // namespace exercises
