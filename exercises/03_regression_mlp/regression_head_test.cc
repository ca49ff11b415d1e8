// Tests for exercise 3.6. Do not edit: `./book grade regression_head` runs them.
#include "exercises/03_regression_mlp/regression_head.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>

#include "lib/nn.h"

using exercises::choose_head;
using exercises::outlier_score;
using exercises::RegressionHead;
using exercises::TargetFacts;

namespace {

// n labels (n, 1) drawn by `draw` from a seeded Rng.
nn::Tensor labels(std::size_t n, std::uint64_t seed, const std::function<float(nn::Rng&)>& draw) {
  nn::Rng rng(seed);
  nn::Tensor y = nn::Tensor::from_shape({n, 1});
  for (float& v : y) v = draw(rng);
  return y;
}

// A Dense(1, activation) with this loss trains for a few steps on labels in [low, high];
// the loss must stay finite (the library refuses unknown names with its own message).
void trains(const RegressionHead& head, float low, float high) {
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(8, "relu"), nn::Dense(1, head.activation)});
  model.compile(head.loss, nn::Adam(0.01));
  nn::Rng rng(2);
  nn::Tensor x = nn::Tensor::from_shape({16, 3}), y = nn::Tensor::from_shape({16, 1});
  for (float& v : x) v = rng.normal();
  for (float& v : y) v = rng.uniform(low, high);
  const nn::History history = model.fit(x, y, {.epochs = 3, .seed = 3, .verbose = 0});
  CHECK(std::isfinite(history.history.at("loss").back()));
}

TargetFacts bounded(double low, double high) {
  TargetFacts facts;
  facts.bounded = true;
  facts.low = low;
  facts.high = high;
  return facts;
}

}  // namespace

TEST_CASE("outlier_score: the worst distance from the median, in MADs") {
  // median 3; |y - 3| = 2, 1, 0, 1, 97; MAD = 1; the worst is 97 MADs away.
  CHECK(outlier_score(nn::Tensor{{1}, {2}, {3}, {4}, {100}}) == Approx(97.0));
  // An even count: median 2.5; deviations 1.5, 0.5, 0.5, 1.5; MAD = 1.0; score 1.5.
  CHECK(outlier_score(nn::Tensor{{4}, {1}, {3}, {2}}) == Approx(1.5));
  // median (10 + 12) / 2 = 11; deviations 1, 1, 3, 3, 39, 41 -> MAD 3; worst 41.
  CHECK(outlier_score(nn::Tensor{{10}, {12}, {8}, {14}, {50}, {-30}}) == Approx(41.0 / 3.0));
  CHECK(outlier_score(nn::Tensor{{5}, {5}, {5}}) == 0.0);
  CHECK(outlier_score(nn::Tensor{{5}, {5}, {5}, {6}}) == std::numeric_limits<double>::infinity());
  // A mean and a standard deviation would shrink the typo: (1000 - mean) / std is about 6
  // here, but it is far beyond 10 MADs.
  const nn::Tensor rents = labels(40, 8, [](nn::Rng& r) { return r.uniform(90, 110); });
  nn::Tensor typo = rents;
  typo(0, 0) = 1000;
  CHECK(outlier_score(rents) < 10.0);
  CHECK(outlier_score(typo) > 50.0);
}

TEST_CASE("1. temperature: any real number, clean labels") {
  const nn::Tensor y = labels(500, 1, [](nn::Rng& r) { return r.normal(12, 9); });
  const RegressionHead head = choose_head(y, TargetFacts{});
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "linear");  // below zero in winter: no softplus
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);
  trains(head, -10, 30);
}

TEST_CASE("2. delivery time: positive, clean labels") {
  const nn::Tensor y = labels(500, 2, [](nn::Rng& r) { return 20 + 70 * r.uniform(); });
  TargetFacts facts;
  facts.never_negative = true;
  const RegressionHead head = choose_head(y, facts);
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "softplus");
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);
  trains(head, 10, 90);
}

TEST_CASE("3. vote share: already in [0, 1], which the logistic output covers") {
  const nn::Tensor y = labels(300, 3, [](nn::Rng& r) { return r.uniform(0.2f, 0.6f); });
  const RegressionHead head = choose_head(y, bounded(0, 1));
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "sigmoid");
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);  // a share is in [0, 1] already
  trains(head, 0, 1);
}

TEST_CASE("4. steering angle: bounded both ways, so tanh, with the labels scaled") {
  const nn::Tensor y = labels(400, 4, [](nn::Rng& r) { return r.uniform(-30, 30); });
  const RegressionHead head = choose_head(y, bounded(-30, 30));
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "tanh");
  CHECK(head.loss == "mse");
  CHECK(head.scale_labels);  // [-30, 30] is not the activation's range
  trains(head, -1, 1);
  // Bounds inside tanh's own range need no scaling; a percentage needs it for the sigmoid.
  CHECK_FALSE(choose_head(y, bounded(-1, 0.5)).scale_labels);
  const RegressionHead percent = choose_head(y, bounded(0, 100));
  CHECK(percent.activation == "sigmoid");
  CHECK(percent.scale_labels);
}

TEST_CASE("5. scraped rents: positive, with a few labels off by a factor of ten") {
  nn::Tensor y = labels(300, 5, [](nn::Rng& r) { return r.uniform(500, 3000); });
  for (std::size_t i : {7u, 120u, 250u}) y(i, 0) *= 10;  // a digit too many
  TargetFacts facts;
  facts.never_negative = true;
  const RegressionHead head = choose_head(y, facts);
  INFO("outlier score " << outlier_score(y) << ", activation '" << head.activation << "', loss '"
                        << head.loss << "'");
  CHECK(head.activation == "softplus");  // never negative
  CHECK(head.loss == "huber");
  CHECK_FALSE(head.scale_labels);
  trains(head, 500, 3000);
  // The same rents without the typos are clean.
  const nn::Tensor clean = labels(300, 5, [](nn::Rng& r) { return r.uniform(500, 3000); });
  CHECK(choose_head(clean, facts).loss == "mse");
}
