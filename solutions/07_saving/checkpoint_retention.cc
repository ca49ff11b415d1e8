// Reference solution of exercise 7.7.
#include "exercises/07_saving/checkpoint_retention.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace exercises {

std::vector<std::string> to_delete(const std::vector<Checkpoint>& checkpoints,
                                   std::size_t keep_best, std::size_t keep_last) {
  std::vector<Checkpoint> by_epoch = checkpoints;
  std::sort(by_epoch.begin(), by_epoch.end(),
            [](const Checkpoint& a, const Checkpoint& b) { return a.epoch < b.epoch; });
  for (std::size_t i = 1; i < by_epoch.size(); ++i) {
    if (by_epoch[i].epoch == by_epoch[i - 1].epoch) {
      throw std::invalid_argument("to_delete: two checkpoints of epoch " +
                                  std::to_string(by_epoch[i].epoch));
    }
  }
  std::set<int> keep;  // epochs
  for (std::size_t i = 0; i < std::min(keep_last, by_epoch.size()); ++i) {
    keep.insert(by_epoch[by_epoch.size() - 1 - i].epoch);
  }
  std::vector<Checkpoint> ranked;  // the finite losses, best first, earlier epoch on a tie
  for (const Checkpoint& c : by_epoch) {
    if (!std::isnan(c.val_loss)) ranked.push_back(c);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Checkpoint& a, const Checkpoint& b) {
    return a.val_loss < b.val_loss;
  });
  for (std::size_t i = 0; i < std::min(keep_best, ranked.size()); ++i) keep.insert(ranked[i].epoch);
  std::vector<std::string> doomed;
  for (const Checkpoint& c : by_epoch) {
    if (keep.count(c.epoch) == 0) doomed.push_back(c.path);
  }
  return doomed;
}

}  // namespace exercises
