#pragma once
// Helpers for lib/io's tests: small data, the three kinds of model, a fresh folder per test.

#include <dirent.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lib/nn.h"

namespace nn::testing {

/// A fresh, empty folder under Bazel's TEST_TMPDIR.
inline std::string fresh_folder(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string folder = std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name;
  mkdir(folder.c_str(), 0755);
  if (DIR* dir = opendir(folder.c_str())) {
    while (dirent* entry = readdir(dir)) {
      const std::string file = entry->d_name;
      if (file != "." && file != "..") std::remove((folder + "/" + file).c_str());
    }
    closedir(dir);
  }
  return folder;
}

/// The names of the files in a folder, sorted.
inline std::vector<std::string> files_in(const std::string& folder) {
  std::vector<std::string> names;
  if (DIR* dir = opendir(folder.c_str())) {
    while (dirent* entry = readdir(dir)) {
      const std::string file = entry->d_name;
      if (file != "." && file != "..") names.push_back(file);
    }
    closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// n rows of `features` values in [-1, 1), from `seed`.
inline Tensor random_inputs(std::size_t n, std::size_t features, std::uint64_t seed) {
  Rng rng(seed);
  Tensor x = Tensor::from_shape({n, features});
  for (float& v : x) v = rng.uniform(-1.0f, 1.0f);
  return x;
}

/// Three classes by the sign pattern of the first two features: (n, 1) labels.
inline Tensor three_classes(const Tensor& x) {
  Tensor y = Tensor::from_shape({x.shape(0), std::size_t{1}});
  for (std::size_t i = 0; i < x.shape(0); ++i) {
    y(i, 0) = x(i, 0) > 0 ? (x(i, 1) > 0 ? 2.0f : 1.0f) : 0.0f;
  }
  return y;
}

/// A compiled Sequential classifier of 4 features into 3 classes; its Dropout layer keeps
/// the layers' names the same either way, and rate 0 drops nothing.
inline Sequential make_classifier(std::uint64_t seed, double dropout = 0.2) {
  set_random_seed(seed);
  Sequential model({Dense(16, "relu"), Dropout(dropout), Dense(8, "tanh"), Dense(3, "softmax")},
                   "classifier");
  model.compile("sparse_categorical_crossentropy", Adam(0.01), {"accuracy"});
  model.build({4});
  return model;
}

/// A functional wide-and-deep regressor: a Normalization, two inputs, a Concatenate.
inline Functional make_wide_and_deep(std::uint64_t seed, const Tensor& x_deep) {
  set_random_seed(seed);
  SymbolicTensor wide = Input({2}, "wide");
  SymbolicTensor deep = Input({4}, "deep");
  Normalization norm("norm");
  norm.adapt(x_deep);
  SymbolicTensor hidden = Dense(12, "relu", "glorot_uniform", "zeros", "hidden")(norm(deep));
  SymbolicTensor both = concatenate({wide, hidden}, "both");
  SymbolicTensor output = Dense(1, "linear", "glorot_uniform", "zeros", "output")(both);
  Functional model({wide, deep}, {output}, "wide_and_deep");
  model.compile(Huber(2.0), SGD(0.05, 0.9), {"mae"});
  return model;
}

/// A subclassed model: a residual block written in code, which no config can describe.
class Residual : public Model {
 public:
  /// Fresh weights from the current random seed.
  Residual() : Model("residual") {}
  /// out(x + relu(hidden(x))), with as many outputs as `units` says.
  std::vector<Var> call(const std::vector<Var>& inputs, bool training) override {
    const Var& x = inputs.at(0);
    Var h = hidden_(x, training);
    return {out_(add(x, h), training)};
  }

 private:
  Dense hidden_ = track(Dense(4, "relu"));
  Dense out_ = track(Dense(2));
};

}  // namespace nn::testing
