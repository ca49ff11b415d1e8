// Tests for exercise 3.6. Do not edit: `./book grade regression_head` runs them.
#include "exercises/03_regression_mlp/regression_head.h"

#include <catch2/catch.hpp>
#include <set>

#include "lib/nn.h"

using exercises::RegressionHead;

namespace {

bool one_of(const std::string& name, const std::set<std::string>& allowed) {
  return allowed.count(name) > 0;
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

}  // namespace

TEST_CASE("1. temperature: any real number, clean labels") {
  const RegressionHead head = exercises::temperature_forecast();
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "linear");  // below zero in winter: no ReLU or softplus
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);
  trains(head, -10, 30);
}

TEST_CASE("2. delivery time: positive, clean labels") {
  const RegressionHead head = exercises::delivery_time();
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(one_of(head.activation, {"relu", "softplus"}));
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);
  trains(head, 10, 90);
}

TEST_CASE("3. vote share: already in [0, 1], which the logistic output covers") {
  const RegressionHead head = exercises::vote_share();
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(head.activation == "sigmoid");
  CHECK(head.loss == "mse");
  CHECK_FALSE(head.scale_labels);  // a share is in [0, 1] already
  trains(head, 0, 1);
}

TEST_CASE("4. steering angle: bounded, so squashed, with the labels scaled") {
  const RegressionHead head = exercises::steering_angle();
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(one_of(head.activation, {"tanh", "sigmoid"}));
  CHECK(head.loss == "mse");
  CHECK(head.scale_labels);  // [-30, 30] is not the activation's range
  trains(head, -1, 1);
}

TEST_CASE("5. scraped rents: positive, with outliers among the labels") {
  const RegressionHead head = exercises::scraped_rent();
  INFO("activation '" << head.activation << "', loss '" << head.loss << "'");
  CHECK(one_of(head.activation, {"relu", "softplus"}));  // never negative
  CHECK(head.loss == "huber");
  CHECK_FALSE(head.scale_labels);
  trains(head, 500, 3000);
}
