// Mistake: the parameter count leaves out the biases
#include "exercises/02_backprop/playground_smallest.h"

#include <algorithm>
#include <numeric>

#include "lib/data/playground.h"
#include "lib/data/scaler.h"
#include "lib/data/split.h"
#include "lib/nn.h"

namespace exercises {

std::size_t playground_params(const std::vector<int>& hidden) {
  std::size_t params = 0, in = 2;
  for (const int width : hidden) {
    params += in * width;  // kernel (in, width)
    in = width;
  }
  return params + in;  // the output unit
}

double playground_accuracy(const std::string& name, const std::vector<int>& hidden,
                           const PlaygroundBudget& budget) {
  const nn::PlaygroundData data = nn::make_playground(name, budget.points, 0.1f, budget.seed);
  const nn::Split<nn::Labels> split = nn::train_test_split(data.x, data.y, 0.5, budget.seed + 1);
  nn::StandardScaler scaler;
  const nn::Tensor x_train = scaler.fit_transform(split.x_train);
  const nn::Tensor x_test = scaler.transform(split.x_test);
  nn::set_random_seed(budget.seed);
  nn::Sequential model;
  for (const int width : hidden) model.add(nn::Dense(width, "tanh"));
  model.add(nn::Dense(1, "sigmoid"));
  model.compile("binary_crossentropy", nn::SGD(budget.learning_rate), {"accuracy"});
  nn::FitOptions options;
  options.epochs = budget.epochs;
  options.seed = budget.seed;
  options.verbose = 0;
  model.fit(x_train, split.y_train, options);
  return model.evaluate(x_test, split.y_test, 32, 0).at("accuracy");
}

std::optional<PlaygroundRun> smallest_network(const std::string& name,
                                              const std::vector<std::vector<int>>& candidates,
                                              double target, const PlaygroundBudget& budget) {
  // Smallest first; a stable sort keeps the listed order among equal sizes.
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return playground_params(candidates[a]) < playground_params(candidates[b]);
  });
  for (const std::size_t k : order) {
    const double accuracy = playground_accuracy(name, candidates[k], budget);
    if (accuracy >= target)
      return PlaygroundRun{candidates[k], playground_params(candidates[k]), accuracy};
  }
  return std::nullopt;
}

}  // namespace exercises
