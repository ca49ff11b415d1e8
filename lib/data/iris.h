#pragma once
// Fisher's iris flowers: 150 flowers, 4 measurements in cm, 3 species (50 of each).
// Chapter 1 keeps two features (petal length and width) and one question: setosa or not?

#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// The iris data set as read by load_iris().
struct Iris {
  /// (150, 4): sepal_length, sepal_width, petal_length, petal_width, in cm.
  Tensor features;
  /// (150,): the species of each flower, an index into class_names.
  Labels labels;
  /// The names of the feature columns, in order.
  std::vector<std::string> feature_names;
  /// The species, sorted: {"setosa", "versicolor", "virginica"}.
  std::vector<std::string> class_names;

  /// The chosen feature columns by name: (150, names.size()). Throws ValueError (listing
  /// the feature names) for an unknown name.
  Tensor columns(const std::vector<std::string>& names) const;
  /// The class index of a species name. Throws ValueError (listing the species) if unknown.
  int class_index(const std::string& name) const;
};

/// Reads the iris CSV (see data/README.md). Throws DataError for a missing or bad file.
Iris load_iris(const std::string& path = "data/iris.csv");

/// Petal length and petal width, the two features of chapter 1: (150, 2).
Tensor petal_features(const Iris& iris);

/// Binary labels: 1 where labels == positive, 0 elsewhere. (n,) -> (n,).
Labels one_vs_rest(const Labels& labels, int positive);

/// Chapter 1's question as labels: 1 for setosa, 0 for the rest. (150,).
Labels setosa_vs_rest(const Iris& iris);

}  // namespace nn
