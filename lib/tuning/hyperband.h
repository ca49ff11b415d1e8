#pragma once
// Successive halving and Hyperband (Li et al., 2018), the strategy Keras Tuner calls
// kt.Hyperband: instead of training every trial for the full budget, train many trials
// briefly, keep the best 1/factor of them, train those longer, and so on, so that most of
// the epochs go to the promising trials.
//
//   successive halving, one bracket:  n trials for r epochs → best n/η for r·η epochs → ...
//                                     → the last few for max_epochs
//   Hyperband: several brackets, from "many trials, short first rungs" to "few trials, all
//   trained for max_epochs" (plain random search), because which trade-off pays is unknown.
//
// Each rung trains its trials from scratch for the rung's epochs (Keras Tuner resumes them
// from a checkpoint instead; the ranking is the same, the epoch count larger). Rungs run on
// run_trials, so they are parallel and give the same results as a serial run.
//
//   nn::tuning::HyperbandResult r = nn::tuning::hyperband(space, 9, 3,
//       [&](const nn::tuning::Trial& t, int epochs) -> nn::Logs { ... fit for `epochs` ... },
//       {.objective = "val_accuracy", .jobs = 2, .seed = 42});

#include <functional>
#include <vector>

#include "lib/tuning/search.h"

namespace nn::tuning {

/// Trains one trial for `epochs` epochs, from scratch, and returns its logs.
using BudgetObjective = std::function<Logs(const Trial& trial, int epochs)>;

/// One rung of a bracket: its trials, ranked, and the epochs each trained.
struct Rung {
  int bracket = 0;      ///< the bracket (s in the paper), largest first
  int epochs = 0;       ///< epochs per trial in this rung
  SearchResult result;  ///< its trials, best first
};

/// What a Hyperband search did.
struct HyperbandResult {
  std::vector<Rung> rungs;  ///< every rung, in the order they ran
  int epochs_used = 0;      ///< Σ trials × epochs over all rungs: the search's cost
  int trials_started = 0;   ///< the distinct points tried (the first rung of each bracket)
  /// The best trial among the last rungs of the brackets (those trained for max_epochs).
  const TrialResult& best() const;
};

/// One bracket of successive halving: the points for `min_epochs`, the best
/// ⌊n/factor⌋ for min_epochs·factor, ..., while the epochs stay ≤ max_epochs and more than
/// one trial is left. Appends its rungs to `result`. ValueError for factor < 2 or
/// min_epochs < 1.
void successive_halving(const std::vector<Params>& points, int min_epochs, int max_epochs,
                        int factor, const BudgetObjective& objective, const SearchOptions& options,
                        int bracket, HyperbandResult& result);

/// Hyperband with brackets s = s_max, ..., 0 (s_max = ⌊log_factor max_epochs⌋): bracket s
/// draws ⌈(s_max + 1) / (s + 1) · factor^s⌉ points from `space` and halves them from
/// max_epochs / factor^s epochs up. ValueError for max_epochs < 1 or factor < 2.
HyperbandResult hyperband(const SearchSpace& space, int max_epochs, int factor,
                          const BudgetObjective& objective, const SearchOptions& options = {});

}  // namespace nn::tuning
