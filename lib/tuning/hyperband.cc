#include "lib/tuning/hyperband.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "lib/error.h"

namespace nn::tuning {

const TrialResult& HyperbandResult::best() const {
  const TrialResult* best = nullptr;
  bool maximize = true;
  for (std::size_t i = 0; i < rungs.size(); ++i) {
    const bool last_of_bracket = i + 1 == rungs.size() || rungs[i + 1].bracket != rungs[i].bracket;
    if (!last_of_bracket) continue;
    maximize = rungs[i].result.maximize;
    for (const TrialResult& trial : rungs[i].result.trials) {
      if (std::isnan(trial.score)) continue;
      if (!best || (maximize ? trial.score > best->score : trial.score < best->score)) {
        best = &trial;
      }
    }
  }
  if (!best) throw Error("hyperband: no trial succeeded");
  return *best;
}

void successive_halving(const std::vector<Params>& points, int min_epochs, int max_epochs,
                        int factor, const BudgetObjective& objective, const SearchOptions& options,
                        int bracket, HyperbandResult& result) {
  if (factor < 2 || min_epochs < 1) {
    throw ValueError("successive_halving: needs factor >= 2 and min_epochs >= 1, got " +
                     std::to_string(factor) + " and " + std::to_string(min_epochs));
  }
  std::vector<Params> alive = points;
  result.trials_started += static_cast<int>(points.size());
  for (int epochs = min_epochs; !alive.empty() && epochs <= max_epochs; epochs *= factor) {
    SearchOptions rung_options = options;  // a rung's own seeds: bracket and budget mixed in
    rung_options.seed = trial_seed(options.seed, 1000 * bracket + epochs);
    const Objective at_budget = [&](const Trial& trial) { return objective(trial, epochs); };
    Rung rung{bracket, epochs, run_trials(alive, at_budget, rung_options)};
    result.epochs_used += epochs * static_cast<int>(alive.size());
    const std::size_t keep = alive.size() / factor;
    alive.clear();
    for (const TrialResult& trial : rung.result.trials) {  // best first, failures last
      if (alive.size() == keep || std::isnan(trial.score)) break;
      alive.push_back(trial.params);
    }
    result.rungs.push_back(std::move(rung));
    if (keep == 0) break;
  }
}

HyperbandResult hyperband(const SearchSpace& space, int max_epochs, int factor,
                          const BudgetObjective& objective, const SearchOptions& options) {
  if (max_epochs < 1 || factor < 2) {
    throw ValueError("hyperband: needs max_epochs >= 1 and factor >= 2, got " +
                     std::to_string(max_epochs) + " and " + std::to_string(factor));
  }
  int s_max = 0;
  while (std::pow(factor, s_max + 1) <= max_epochs) ++s_max;
  HyperbandResult result;
  for (int s = s_max; s >= 0; --s) {
    const int n = static_cast<int>(std::ceil((s_max + 1.0) / (s + 1.0) * std::pow(factor, s)));
    const int min_epochs = std::max(1, static_cast<int>(max_epochs / std::pow(factor, s)));
    const std::vector<Params> points = sample_space(space, n, trial_seed(options.seed, -1 - s));
    successive_halving(points, min_epochs, max_epochs, factor, objective, options, s, result);
  }
  return result;
}

}  // namespace nn::tuning
