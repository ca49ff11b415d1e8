#include "lib/tuning/search.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "lib/callbacks/early_stopping.h"
#include "lib/error.h"
#include "lib/initializers.h"
#include "lib/models/model.h"

namespace nn::tuning {
namespace {

bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

bool same_logs(const Logs& a, const Logs& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (i->first != j->first || !same_number(i->second, j->second)) return false;
  }
  return true;
}

// One trial on the calling thread: its own seeds, its own errors.
TrialResult run_one(const Trial& trial, const Objective& objective, const std::string& key) {
  TrialResult result;
  result.index = trial.index;
  result.params = trial.params;
  result.seed = trial.seed;
  set_random_seed(trial.seed);  // the layers this thread makes now draw from the trial's seed
  try {
    result.logs = objective(trial);
  } catch (const Error& error) {
    result.error = error.what();
    return result;
  }
  result.score = monitored_value("trial " + std::to_string(trial.index), key, result.logs);
  return result;
}

}  // namespace

bool TrialResult::operator==(const TrialResult& other) const {
  return index == other.index && params == other.params && seed == other.seed &&
         same_logs(logs, other.logs) && same_number(score, other.score) && error == other.error;
}

std::uint64_t trial_seed(std::uint64_t search_seed, int index) {
  // SplitMix64's finaliser over seed and index: a tiny, well-mixed hash.
  std::uint64_t z = search_seed + 0x9e3779b97f4a7c15ULL * (static_cast<std::uint64_t>(index) + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

SearchResult run_trials(const std::vector<Params>& points, const Objective& objective,
                        const SearchOptions& options) {
  if (options.jobs < 1)
    throw ValueError("search: jobs must be >= 1, got " + std::to_string(options.jobs));
  if (options.mode != "auto" && options.mode != "min" && options.mode != "max") {
    throw ValueError("search: unknown mode '" + options.mode +
                     "'; known: \"auto\" \"min\" \"max\"");
  }
  SearchResult search;
  search.objective = options.objective;
  search.maximize =
      options.mode == "max" || (options.mode == "auto" && larger_is_better(options.objective));
  // One thread per trial: the trials themselves fill the cores. (The bits do not depend on it;
  // lib/gemm.h.) The caller's setting comes back when the search ends, even by an exception.
  struct BlasThreads {
    int saved = blas_threads();
    BlasThreads() { set_blas_threads(1); }
    ~BlasThreads() { set_blas_threads(saved); }
  } one_thread_per_trial;

  std::vector<TrialResult> results(points.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> abort{false};
  std::mutex mutex;  // guards failure and on_trial_end
  std::exception_ptr failure;
  const auto worker = [&] {
    for (std::size_t i = next++; i < points.size() && !abort; i = next++) {
      const Trial trial{static_cast<int>(i), points[i], trial_seed(options.seed, int(i))};
      try {
        results[i] = run_one(trial, objective, options.objective);
        std::lock_guard<std::mutex> lock(mutex);
        if (options.on_trial_end) options.on_trial_end(results[i]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        abort = true;
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(options.jobs, points.size());
  if (threads <= 1) {
    worker();  // serial: on this thread, as a plain loop
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::thread& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);

  // Best first; failed (NaN) trials last; ties in trial order.
  std::stable_sort(results.begin(), results.end(), [&](const TrialResult& a, const TrialResult& b) {
    if (std::isnan(a.score) || std::isnan(b.score))
      return !std::isnan(a.score) && std::isnan(b.score);
    return search.maximize ? a.score > b.score : a.score < b.score;
  });
  search.trials = std::move(results);
  return search;
}

SearchResult random_search(const SearchSpace& space, int trials, const Objective& objective,
                           const SearchOptions& options) {
  return run_trials(sample_space(space, trials, options.seed), objective, options);
}

SearchResult grid_search(const Grid& grid, const Objective& objective,
                         const SearchOptions& options) {
  return run_trials(grid_points(grid), objective, options);
}

const TrialResult& SearchResult::best() const {
  if (trials.empty() || std::isnan(trials.front().score)) {
    throw Error("search: no trial succeeded, so there is no best one");
  }
  return trials.front();
}

std::string SearchResult::table(const std::vector<std::string>& columns) const {
  std::vector<std::string> names = columns;
  if (names.empty()) {
    std::set<std::string> all;
    for (const TrialResult& trial : trials) {
      for (const auto& [name, value] : trial.params) all.insert(name);
    }
    names.assign(all.begin(), all.end());
  }
  // Each column as wide as its widest cell.
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"rank", "trial"});
  for (const std::string& name : names) rows[0].push_back(name);
  rows[0].push_back(objective);
  for (std::size_t r = 0; r < trials.size(); ++r) {
    const TrialResult& trial = trials[r];
    std::vector<std::string> row = {std::to_string(r + 1), std::to_string(trial.index)};
    for (const std::string& name : names) {
      const auto found = trial.params.find(name);
      row.push_back(found == trial.params.end() ? "-" : to_string(found->second));
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", trial.score);
    row.push_back(trial.error.empty() ? score : "failed: " + trial.error);
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c + 1 < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool last = c + 1 == row.size();
      line += last ? row[c] : row[c] + std::string(width[c] - row[c].size() + 2, ' ');
    }
    text += line + "\n";
  }
  return text;
}

}  // namespace nn::tuning
