#pragma once
// Auto MPG: 392 cars from the 1970s and early 1980s, with what they weigh, how big and
// strong their engines are, and how many miles they go on a gallon of fuel. The task of
// chapters 3 and 5: predict miles per gallon from the rest (see data/README.md).

#include <cstdint>
#include <string>
#include <vector>

#include "lib/data/split.h"
#include "lib/tensor.h"

namespace nn {

/// The Auto MPG data as read by load_auto_mpg().
struct AutoMpg {
  /// (392, 9): cylinders, displacement (cubic inches), horsepower, weight (lbs),
  /// acceleration (s from 0 to 60 mph), model year (70 to 82), and the origin one-hot
  /// (USA, Europe, Japan).
  Tensor features;
  /// (392, 1): miles per gallon.
  Tensor target;
  /// The names of the feature columns, in order.
  std::vector<std::string> feature_names;
  /// Each car's make and model, row by row.
  std::vector<std::string> car_names;
};

/// Reads the Auto MPG CSV (data/auto_mpg.csv). Throws DataError naming the file and line for
/// a missing or malformed file, and for an origin other than USA, Europe or Japan.
AutoMpg load_auto_mpg(const std::string& path = "data/auto_mpg.csv");

/// The cars cut into training, validation and test sets by a seeded shuffle: by default
/// 20% of the cars for testing, 20% for validation, the rest (60%) for training.
ThreeWaySplit<Tensor> split_auto_mpg(const AutoMpg& cars, std::uint64_t seed,
                                     double validation_size = 0.2, double test_size = 0.2);

}  // namespace nn
