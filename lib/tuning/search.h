#pragma once
// Random search and grid search: train one fresh model per point of a search space and rank
// them by a validation score. Trials can run in parallel on several threads; they give the
// same results as a serial run, because nothing in a trial depends on which thread runs it
// or when:
//
//   - the points are drawn, all of them, before any trial starts;
//   - each trial's seed is trial_seed(search seed, trial index), and the runner restarts the
//     thread's layer seeds with it (nn::set_random_seed) before calling the objective;
//   - the library's mutable state (the tape, the seed generator, the learning phase) is per
//     thread, and OpenBLAS runs one thread per call, so the bits of a product do not depend
//     on how many trials run beside it.
//
//   nn::tuning::SearchResult result = nn::tuning::random_search(space, 30,
//       [&](const nn::tuning::Trial& trial) -> nn::Logs {
//         nn::Sequential model = build(trial.params);     // its layers draw from trial.seed
//         model.fit(x, y, {..., .seed = trial.seed});
//         return model.evaluate(x_valid, y_valid, 32, 0);  // {"loss", "accuracy"}
//       },
//       {.objective = "accuracy", .jobs = 2, .seed = 42});
//   std::cout << result.table();

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "lib/models/callback.h"
#include "lib/tuning/space.h"

namespace nn::tuning {

/// One trial, as the objective sees it.
struct Trial {
  int index = 0;           ///< its place in the search, from 0
  Params params;           ///< the hyperparameters to try
  std::uint64_t seed = 0;  ///< trial_seed(search seed, index): for fit's shuffles and the like
};

/// What the search recorded about one trial.
struct TrialResult {
  int index = 0;           ///< its place in the search, from 0
  Params params;           ///< the hyperparameters it tried
  std::uint64_t seed = 0;  ///< its seed
  Logs logs;               ///< what the objective returned
  /// logs[objective]; NaN for a failed trial.
  double score = std::numeric_limits<double>::quiet_NaN();
  std::string error;  ///< the message of the nn::Error that failed the trial, if any
  /// Whether two results are the same trial with the same outcome, number for number.
  bool operator==(const TrialResult& other) const;
};

/// Trains and scores one trial: the logs must hold the search's objective.
using Objective = std::function<Logs(const Trial&)>;

/// The settings of a search.
struct SearchOptions {
  std::string objective = "val_accuracy";  ///< the log key that ranks the trials
  /// "max", "min", or "auto": "max" for keys ending in "accuracy", "acc", "auc", else "min".
  std::string mode = "auto";
  int jobs = 1;             ///< trials run at the same time, each on its own thread
  std::uint64_t seed = 42;  ///< draws the points and the trials' seeds
  /// Called after each trial, one call at a time, in the order the trials finish (progress).
  std::function<void(const TrialResult&)> on_trial_end;
};

/// The outcome of a search.
struct SearchResult {
  /// Every trial, best first; failed trials last; equal scores in trial order.
  std::vector<TrialResult> trials;
  std::string objective;  ///< the key that ranked them
  bool maximize = true;   ///< whether larger scores are better
  /// The best trial; nn::Error if there is none that succeeded.
  const TrialResult& best() const;
  /// A table, best first: rank, trial, each hyperparameter (in `columns` order, or by name),
  /// the score, and the error of failed trials.
  std::string table(const std::vector<std::string>& columns = {}) const;
};

/// A trial's seed from the search's seed and the trial's index (SplitMix64 of the two), so
/// that neighbouring indices give unrelated streams.
std::uint64_t trial_seed(std::uint64_t search_seed, int index);

/// Runs the objective on every point, `options.jobs` at a time, and ranks the results. A
/// trial that throws nn::Error is recorded as failed; any other exception stops the search
/// and is thrown again once every running trial has ended. ValueError for jobs < 1, for an
/// unknown mode, or (naming the trial and the keys) when the logs lack the objective.
SearchResult run_trials(const std::vector<Params>& points, const Objective& objective,
                        const SearchOptions& options = {});

/// `trials` points drawn from `space` (sample_space with options.seed), then run_trials.
SearchResult random_search(const SearchSpace& space, int trials, const Objective& objective,
                           const SearchOptions& options = {});

/// Every point of `grid` (grid_points), then run_trials.
SearchResult grid_search(const Grid& grid, const Objective& objective,
                         const SearchOptions& options = {});

}  // namespace nn::tuning
