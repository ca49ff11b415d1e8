#include "exercises/02_backprop/playground_smallest.h"

#include "lib/data/playground.h"
#include "lib/data/scaler.h"
#include "lib/data/split.h"
#include "lib/nn.h"

namespace exercises {

std::size_t playground_params(const std::vector<int>& hidden) {
  // TODO: each layer's kernel and bias, then the output unit's.
  (void)hidden;
  return 0;
}

double playground_accuracy(const std::string& name, const std::vector<int>& hidden,
                           const PlaygroundBudget& budget) {
  // TODO: the data, the split, the scaling, the seeded network, fit, and the test accuracy.
  (void)name, (void)hidden, (void)budget;
  return 0.0;
}

std::optional<PlaygroundRun> smallest_network(const std::string& name,
                                              const std::vector<std::vector<int>>& candidates,
                                              double target, const PlaygroundBudget& budget) {
  // TODO: try the candidates from the smallest up; return the first that reaches target.
  (void)name, (void)candidates, (void)target, (void)budget;
  return std::nullopt;
}

}  // namespace exercises
