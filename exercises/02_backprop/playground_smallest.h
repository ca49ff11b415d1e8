#pragma once
/// \file
/// # Exercise 2.10: the smallest network that learns a Playground data set ★★ (20 points)
///
/// Géron's first exercise of chapter 10 sends you to TensorFlow Playground to find out
/// which architectures learn which data set. Ask it the way an engineer would: of a list
/// of hidden-layer shapes, which is the **smallest** that reaches a stated test accuracy on
/// the data within a fixed training budget? "Smallest" means the fewest parameters, the
/// number that sets the cost of training and of every prediction; the list comes in no
/// particular order, and on a tie the candidate listed first wins.
///
/// A candidate is the list of its hidden layers' widths (`{}` is no hidden layer at all,
/// `{8, 4}` two layers). Write
/// - `playground_params(hidden)`: the parameters of the network from 2 inputs through
///   `nn::Dense(width, "tanh")` layers of those widths to one sigmoid output.
/// - `playground_accuracy(name, hidden, budget)`: train that network and return its test
///   accuracy, exactly as chapter 2 does:
///   1. `nn::make_playground(name, budget.points, 0.1f, budget.seed)`, then
///      `nn::train_test_split(x, y, 0.5, budget.seed + 1)`;
///   2. an `nn::StandardScaler` fitted on the training half (`fit_transform`), applied to
///      the test half (`transform`);
///   3. `nn::set_random_seed(budget.seed)`, then an `nn::Sequential` of the hidden layers and
///      `nn::Dense(1, "sigmoid")`, compiled with `"binary_crossentropy"`,
///      `nn::SGD(budget.learning_rate)` and the metric `"accuracy"`;
///   4. `fit` on the training half with `epochs = budget.epochs`, `seed = budget.seed`,
///      `verbose = 0` (batches of 32);
///   5. `evaluate(x_test, y_test, 32, 0).at("accuracy")`.
/// - `smallest_network(name, candidates, target, budget)`: the smallest candidate whose
///   test accuracy is at least `target`, with its parameter count and accuracy; `std::nullopt`
///   when none is. Train only as many candidates as you need.
///
/// The tests re-train the candidate you return and every smaller one themselves.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exercises {

/// The training budget and the data's size and seed.
struct PlaygroundBudget {
  std::size_t points = 400;    ///< points drawn; half train, half test
  int epochs = 60;             ///< epochs of SGD
  double learning_rate = 0.3;  ///< SGD's learning rate
  std::uint64_t seed = 42;     ///< data, split (seed + 1), initial weights and shuffles
};

/// A candidate that reached the target.
struct PlaygroundRun {
  std::vector<int> hidden;  ///< its hidden layers' widths
  std::size_t params = 0;   ///< its parameter count
  double accuracy = 0.0;    ///< its test accuracy
};

/// Parameters of 2 inputs → tanh layers of the widths in `hidden` → 1 sigmoid unit.
std::size_t playground_params(const std::vector<int>& hidden);

/// The test accuracy of that network on the Playground data set `name`, trained on the budget.
double playground_accuracy(const std::string& name, const std::vector<int>& hidden,
                           const PlaygroundBudget& budget);

/// The candidate with the fewest parameters (the first listed on a tie) that reaches
/// `target`, or none.
std::optional<PlaygroundRun> smallest_network(const std::string& name,
                                              const std::vector<std::vector<int>>& candidates,
                                              double target, const PlaygroundBudget& budget);

}  // namespace exercises
