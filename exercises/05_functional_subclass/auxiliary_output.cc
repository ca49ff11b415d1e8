#include "exercises/05_functional_subclass/auxiliary_output.h"

namespace exercises {

nn::Functional aux_candidate(std::size_t wide, std::size_t deep, int units, int depth, int attach,
                             double learning_rate) {
  // TODO: two inputs, a deep path of `depth` layers, the main output on the wide input and
  // the last hidden layer, the auxiliary output on hidden layer `attach`; then compile.
  // This stub has one hidden layer and one output.
  (void)depth;
  (void)attach;
  const nn::SymbolicTensor wide_input = nn::Input({wide}, "wide_input");
  const nn::SymbolicTensor deep_input = nn::Input({deep}, "deep_input");
  const nn::SymbolicTensor hidden = nn::Dense(units, "relu")(deep_input);
  const nn::SymbolicTensor both = nn::Concatenate()({wide_input, hidden});
  nn::Functional model({wide_input, deep_input},
                       {nn::Dense(1, "linear", "glorot_uniform", "zeros", "main_output")(both)});
  model.compile("mse", nn::Adam(learning_rate));
  return model;
}

AttachmentChoice choose_attachment(const WideDeepData& data, int units, int depth,
                                   double learning_rate, const std::vector<std::uint64_t>& seeds,
                                   const nn::FitOptions& options) {
  // TODO: for each attach point, for each seed: split, seed, build, fit, score the main
  // output on the validation rows. Then the means, and the attach point with the lowest.
  (void)data, (void)units, (void)depth, (void)learning_rate, (void)seeds, (void)options;
  return {};
}

}  // namespace exercises
