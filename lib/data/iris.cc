#include "lib/data/iris.h"

#include <algorithm>

#include "lib/data/csv.h"
#include "lib/error.h"

namespace nn {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

Tensor Iris::columns(const std::vector<std::string>& names) const {
  Tensor x = Tensor::from_shape({features.shape()[0], names.size()});  // (n, k)
  for (std::size_t j = 0; j < names.size(); ++j) {
    const auto at = std::find(feature_names.begin(), feature_names.end(), names[j]);
    if (at == feature_names.end()) {
      throw ValueError("iris has no feature '" + names[j] + "' (features: " + join(feature_names) +
                       ")");
    }
    const auto source = static_cast<std::size_t>(at - feature_names.begin());
    for (std::size_t i = 0; i < x.shape()[0]; ++i) x(i, j) = features(i, source);
  }
  return x;
}

int Iris::class_index(const std::string& name) const {
  const auto at = std::find(class_names.begin(), class_names.end(), name);
  if (at == class_names.end()) {
    throw ValueError("iris has no species '" + name + "' (species: " + join(class_names) + ")");
  }
  return static_cast<int>(at - class_names.begin());
}

Iris load_iris(const std::string& path) {
  Iris iris;
  iris.feature_names = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
  CsvOptions options;
  options.columns = iris.feature_names;
  options.text_columns = {"species"};
  const Table table = read_csv(path, options);
  iris.features = table.tensor(iris.feature_names);
  iris.labels = table.labels("species", &iris.class_names);
  return iris;
}

Tensor petal_features(const Iris& iris) { return iris.columns({"petal_length", "petal_width"}); }

Labels one_vs_rest(const Labels& labels, int positive) {
  Labels binary = Labels::from_shape(labels.shape());
  for (std::size_t i = 0; i < labels.size(); ++i) binary(i) = labels(i) == positive ? 1 : 0;
  return binary;
}

Labels setosa_vs_rest(const Iris& iris) {
  return one_vs_rest(iris.labels, iris.class_index("setosa"));
}

}  // namespace nn
