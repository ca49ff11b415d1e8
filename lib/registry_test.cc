#include "lib/registry.h"

#include <catch2/catch.hpp>

#include "lib/activations.h"
#include "lib/initializers.h"
#include "lib/losses/loss.h"
#include "lib/metrics.h"
#include "lib/optimizers/optimizer.h"

TEST_CASE("a registry finds what it holds and names every entry when it does not") {
  nn::Registry<int> sizes("size", {{"small", 1}, {"large", 3}});
  CHECK(sizes.get("large") == 3);
  CHECK(sizes.find("medium") == nullptr);
  sizes.add("medium", 2);
  CHECK(*sizes.find("medium") == 2);
  CHECK(sizes.names() == std::vector<std::string>{"large", "medium", "small"});
  CHECK_THROWS_MATCHES(
      sizes.get("huge"), nn::ValueError,
      Catch::Message("unknown size 'huge'; known: \"large\" \"medium\" \"small\""));
}

TEST_CASE("the five kinds of names a reader types share the one message") {
  CHECK_THROWS_WITH(
      nn::activation_by_name("rleu"),
      Catch::StartsWith("unknown activation 'rleu'; known:") && Catch::Contains("\"relu\""));
  CHECK_THROWS_WITH(nn::get_loss("mse2"),
                    Catch::StartsWith("unknown loss 'mse2'; known:") && Catch::Contains("\"mse\""));
  CHECK_THROWS_WITH(
      nn::get_metric("acuracy"),
      Catch::StartsWith("unknown metric 'acuracy'; known:") && Catch::Contains("\"accuracy\""));
  CHECK_THROWS_WITH(nn::get_optimizer("adm"),
                    "unknown optimizer 'adm'; known: \"adam\" \"adamw\" \"rmsprop\" \"sgd\"");
  CHECK_THROWS_WITH(nn::Initializer("he"), Catch::StartsWith("unknown initializer 'he'; known:") &&
                                               Catch::Contains("\"he_normal\""));
}
