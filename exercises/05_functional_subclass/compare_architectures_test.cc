// Tests for exercise 5.6. Do not edit: `./book grade compare_architectures` runs them.
// Reference values: the folds from nn::Rng's permutation, cut as the statement says; each
// fold's losses by training the same builders on the same rows here, step by step; the
// mean and standard error recomputed from the scores.
#include "exercises/05_functional_subclass/compare_architectures.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "lib/nn.h"

using exercises::Builder;
using exercises::compare;
using exercises::k_folds;

namespace {

struct Data {
  nn::Tensor x = nn::Tensor::from_shape({50, 2});
  nn::Tensor y = nn::Tensor::from_shape({50, 1});
  Data() {
    nn::Rng rng(8);
    for (std::size_t i = 0; i < 50; ++i) {
      x(i, 0) = rng.uniform(-1.0f, 1.0f);
      x(i, 1) = rng.uniform(-1.0f, 1.0f);
      y(i, 0) = x(i, 0) * x(i, 0) - 0.5f * x(i, 1) + 0.1f * rng.normal();
    }
  }
};

nn::FitOptions options() {
  nn::FitOptions o;
  o.epochs = 4;
  o.batch_size = 8;
  o.verbose = 0;
  o.seed = 5;
  return o;
}

// Counts its calls; each model starts from the same seeded weights.
struct Counting {
  int calls = 0;
  bool deep = false;
  std::unique_ptr<nn::Model> operator()() {
    ++calls;
    nn::set_random_seed(deep ? 17 : 18);
    auto model = std::make_unique<nn::Sequential>();
    if (deep) model->add(nn::Dense(6, "tanh"));
    model->add(nn::Dense(1));
    model->compile("mse", nn::SGD(0.1));
    return model;
  }
};

nn::Tensor rows_of(const nn::Tensor& t, const std::vector<std::size_t>& rows) {
  nn::Tensor out = nn::Tensor::from_shape({rows.size(), t.shape(1)});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < t.shape(1); ++c) out(r, c) = t(rows[r], c);
  }
  return out;
}

}  // namespace

TEST_CASE("k folds: a seeded shuffle cut into k parts that cover every row once") {
  const std::vector<std::size_t> p = nn::Rng(3).permutation(10);
  const auto folds = k_folds(10, 3, 3);
  REQUIRE(folds.size() == 3);
  // Cuts at 10 * i / 3: 0, 3, 6, 10.
  CHECK(folds[0] == std::vector<std::size_t>(p.begin(), p.begin() + 3));
  CHECK(folds[1] == std::vector<std::size_t>(p.begin() + 3, p.begin() + 6));
  CHECK(folds[2] == std::vector<std::size_t>(p.begin() + 6, p.end()));
  std::vector<std::size_t> all;
  for (const auto& fold : k_folds(50, 4, 9)) all.insert(all.end(), fold.begin(), fold.end());
  std::sort(all.begin(), all.end());
  for (std::size_t i = 0; i < 50; ++i) REQUIRE(all.at(i) == i);
  CHECK(k_folds(10, 3, 3) == folds);
  CHECK(k_folds(10, 3, 4) != folds);
  CHECK_THROWS_AS(k_folds(10, 1, 3), std::invalid_argument);
  CHECK_THROWS_AS(k_folds(10, 11, 3), std::invalid_argument);
}

TEST_CASE("each fold trains fresh models of both architectures on the other folds") {
  const Data data;
  Counting a{0, true}, b{0, false};
  const exercises::Comparison result =
      compare(std::ref(a), std::ref(b), data.x, data.y, 4, options(), 11);
  CHECK(a.calls == 4);
  CHECK(b.calls == 4);
  REQUIRE(result.a.size() == 4);
  REQUIRE(result.b.size() == 4);
  // The same procedure, here: fold i's loss of a model trained on the rest.
  const auto folds = k_folds(50, 4, 11);
  for (std::size_t i = 0; i < 4; ++i) {
    std::vector<std::size_t> train;
    for (std::size_t j = 0; j < 4; ++j) {
      if (j != i) train.insert(train.end(), folds[j].begin(), folds[j].end());
    }
    Counting fresh_a{0, true}, fresh_b{0, false};
    for (auto [build, got] : {std::pair<Counting*, double>{&fresh_a, result.a[i]},
                              std::pair<Counting*, double>{&fresh_b, result.b[i]}}) {
      std::unique_ptr<nn::Model> model = (*build)();
      model->fit(rows_of(data.x, train), rows_of(data.y, train), options());
      const double expected =
          model->evaluate(rows_of(data.x, folds[i]), rows_of(data.y, folds[i]), 32, 0).at("loss");
      INFO("fold " << i << (build->deep ? ", architecture a" : ", architecture b"));
      CHECK(got == Approx(expected).epsilon(1e-6));
    }
  }
}

TEST_CASE("the paired mean difference and its standard error") {
  const Data data;
  Counting a{0, true}, b{0, false};
  const exercises::Comparison r =
      compare(std::ref(a), std::ref(b), data.x, data.y, 5, options(), 2);
  REQUIRE(r.a.size() == 5);
  REQUIRE(r.b.size() == 5);
  double mean = 0;
  for (int i = 0; i < 5; ++i) mean += (r.a[i] - r.b[i]) / 5;
  double squares = 0;
  for (int i = 0; i < 5; ++i) squares += std::pow(r.a[i] - r.b[i] - mean, 2);
  INFO("a " << Catch::Detail::stringify(r.a) << "\nb " << Catch::Detail::stringify(r.b));
  CHECK(r.mean_difference == Approx(mean).epsilon(1e-9));
  CHECK(r.standard_error == Approx(std::sqrt(squares / 4) / std::sqrt(5.0)).epsilon(1e-9));
  CHECK(r.standard_error > 0);
}
