// Reference solution of exercise 6.6.
#include "exercises/06_tuning/successive_halving.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace exercises {

HalvingResult successive_halving(int n, const Evaluate& evaluate, long total_budget, int eta) {
  if (n < 1 || eta < 2) {
    throw std::invalid_argument("successive_halving: need n >= 1 and eta >= 2, got n = " +
                                std::to_string(n) + ", eta = " + std::to_string(eta));
  }
  int rounds = 0;
  for (int m = n; m > 1; m = std::max(1, m / eta)) ++rounds;
  HalvingResult result;
  std::vector<int> survivors(n);
  for (int c = 0; c < n; ++c) survivors[c] = c;
  for (int r = 0; r < rounds; ++r) {
    const long m = static_cast<long>(survivors.size());
    const long budget = total_budget / (m * rounds);
    if (budget < 1) {
      throw std::invalid_argument("successive_halving: a budget of " +
                                  std::to_string(total_budget) + " gives " + std::to_string(m) +
                                  " candidates less than 1 each in round " + std::to_string(r));
    }
    std::vector<std::pair<double, int>> scored;  // (loss, candidate): sorts ties by number
    for (int c : survivors) scored.emplace_back(evaluate(c, static_cast<int>(budget)), c);
    result.rounds.push_back({survivors, static_cast<int>(budget)});
    result.spent += m * budget;
    std::sort(scored.begin(), scored.end());
    const std::size_t keep = static_cast<std::size_t>(std::max(1L, m / eta));
    survivors.clear();
    for (std::size_t i = 0; i < keep; ++i) survivors.push_back(scored[i].second);
    std::sort(survivors.begin(), survivors.end());
  }
  result.best = survivors.front();
  return result;
}

}  // namespace exercises
