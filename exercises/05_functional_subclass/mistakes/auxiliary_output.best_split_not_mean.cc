// Mistake: each candidate is judged by its best split, not by its mean over the splits
#include "exercises/05_functional_subclass/auxiliary_output.h"

#include <stdexcept>
#include <string>

#include "lib/data/split.h"

namespace exercises {

nn::Functional aux_candidate(std::size_t wide, std::size_t deep, int units, int depth, int attach,
                             double learning_rate) {
  if (attach < 1 || attach > depth) {
    throw std::invalid_argument("aux_candidate: attach = " + std::to_string(attach) +
                                " for a deep path of " + std::to_string(depth) + " layers");
  }
  const nn::SymbolicTensor wide_input = nn::Input({wide}, "wide_input");  // (None, wide)
  const nn::SymbolicTensor deep_input = nn::Input({deep}, "deep_input");  // (None, deep)
  nn::SymbolicTensor hidden = deep_input, tapped;
  for (int layer = 1; layer <= depth; ++layer) {
    hidden = nn::Dense(units, "relu")(hidden);  // (None, units)
    if (layer == attach) tapped = hidden;
  }
  const nn::SymbolicTensor both = nn::Concatenate()({wide_input, hidden});
  const nn::SymbolicTensor main =
      nn::Dense(1, "linear", "glorot_uniform", "zeros", "main_output")(both);
  const nn::SymbolicTensor aux =
      nn::Dense(1, "linear", "glorot_uniform", "zeros", "aux_output")(tapped);
  nn::Functional model({wide_input, deep_input}, {main, aux},
                       "aux_after_" + std::to_string(attach));
  model.compile({"mse", "mse"}, nn::Adam(learning_rate), {}, {0.9, 0.1});
  return model;
}

AttachmentChoice choose_attachment(const WideDeepData& data, int units, int depth,
                                   double learning_rate, const std::vector<std::uint64_t>& seeds,
                                   const nn::FitOptions& options) {
  AttachmentChoice choice;
  for (int attach = 1; attach <= depth; ++attach) {
    std::vector<double> losses;
    double best = 0.0;
    for (const std::uint64_t seed : seeds) {
      const nn::SplitIndices rows = nn::train_test_indices(data.y.shape(0), 0.25, seed);
      const nn::Tensor y_train = nn::take_rows(data.y, rows.train);
      const nn::Tensor y_valid = nn::take_rows(data.y, rows.test);
      nn::set_random_seed(seed);
      nn::Functional model = aux_candidate(data.x_wide.shape(1), data.x_deep.shape(1), units, depth,
                                           attach, learning_rate);
      model.fit({nn::take_rows(data.x_wide, rows.train), nn::take_rows(data.x_deep, rows.train)},
                {y_train, y_train}, options);
      const nn::Logs scores = model.evaluate(
          {nn::take_rows(data.x_wide, rows.test), nn::take_rows(data.x_deep, rows.test)},
          {y_valid, y_valid}, 32, 0);
      losses.push_back(scores.at("main_output_loss"));
      if (losses.size() == 1 || losses.back() < best) best = losses.back();
    }
    choice.losses.push_back(losses);
    choice.means.push_back(best);
    if (choice.attach == 0 || choice.means.back() < choice.means[choice.attach - 1]) {
      choice.attach = attach;
    }
  }
  return choice;
}

}  // namespace exercises
