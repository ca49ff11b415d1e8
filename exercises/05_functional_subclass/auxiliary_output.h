#pragma once
/// \file
/// # Exercise 5.2: where the auxiliary output goes, decided over several splits ★★★ (25 points)
///
/// The chapter hung its auxiliary output on the deep path's last hidden layer. Is that the
/// best place? An auxiliary head is a training aid: its loss reaches the layers below it by
/// a short path and pushes them to be useful on their own. Hung on the first hidden layer it
/// trains that layer hardest; on the last, the whole deep path. Which one helps the **main**
/// output more is a question for data, not for taste, and one training run on one
/// validation split cannot answer it: a split's luck or the initial weights' could decide.
/// So build every candidate, train each on several splits, and let the mean decide.
///
/// Write
/// - `aux_candidate(wide, deep, units, depth, attach, learning_rate)`: an `nn::Functional`
///   with two inputs, in this order, of `wide` and of `deep` numbers; a deep path of `depth`
///   `nn::Dense(units, "relu")` layers on the deep input only; the main output, one linear
///   unit on the wide input and the deep path's **last** output joined side by side (wide
///   first); and the auxiliary output, one linear unit on the output of the deep path's
///   hidden layer number `attach` (1 is the first, `depth` the last). The outputs come in
///   the order {main, aux}, made by layers named `"main_output"` and `"aux_output"` (the logs
///   are keyed by them); every other name is yours. Return it compiled with `"mse"` for
///   both outputs, `nn::Adam(learning_rate)` and the loss weights {0.9, 0.1}. Throw
///   `std::invalid_argument` unless 1 ≤ attach ≤ depth.
/// - `choose_attachment(data, units, depth, learning_rate, seeds, options)`: for each
///   attach from 1 to `depth`, and for each seed s of `seeds` in order (the same splits for
///   every candidate):
///   1. split the rows with `nn::train_test_indices(n, 0.25, s)` (`lib/data/split.h`): its
///      `train` rows to learn from, its `test` rows as the validation set;
///   2. `nn::set_random_seed(s)`, then make a **fresh** `aux_candidate(...)`, so every
///      candidate starts from its own seeded weights on every split;
///   3. `fit` it on the training rows, both targets the same `y`, with `options` as given;
///   4. score it with `evaluate(validation rows, 32, 0).at("main_output_loss")`: the main
///      output's validation loss, since the main output is what the model is for.
///
///   Return every loss, each candidate's mean over the splits, and the attach point with the
///   lowest mean (the earlier one on a tie).
///
/// The tests check the models through their layers and graph (which layer the auxiliary
/// head is called on, what each output computes, parameter counts), then re-train your own
/// candidates on the same splits and compare the losses and the choice you return.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "lib/nn.h"

namespace exercises {

/// Rows of a Wide & Deep regression: both inputs and the target, one row each.
struct WideDeepData {
  nn::Tensor x_wide;  ///< (n, wide)
  nn::Tensor x_deep;  ///< (n, deep)
  nn::Tensor y;       ///< (n, 1)
};

/// The evidence and the decision of choose_attachment().
struct AttachmentChoice {
  int attach = 0;  ///< the chosen hidden layer, 1 for the first
  /// losses[a - 1][k]: the main output's validation loss of the candidate with the auxiliary
  /// head on hidden layer a, trained on split k (seeds[k]).
  std::vector<std::vector<double>> losses;
  std::vector<double> means;  ///< means[a - 1]: the mean of losses[a - 1] over the splits
};

/// Wide & Deep with `depth` hidden layers and the auxiliary head on hidden layer `attach`,
/// compiled as described above.
nn::Functional aux_candidate(std::size_t wide, std::size_t deep, int units, int depth, int attach,
                             double learning_rate);

/// Trains every candidate on every seeded split and chooses where the auxiliary head goes.
AttachmentChoice choose_attachment(const WideDeepData& data, int units, int depth,
                                   double learning_rate, const std::vector<std::uint64_t>& seeds,
                                   const nn::FitOptions& options);

}  // namespace exercises
