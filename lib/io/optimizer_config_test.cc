// Every optimizer the library has survives a trip through the config a saved model carries
// (Keras's class name and settings), so a model compiled with RMSprop or AdamW loads back
// compiled with the same optimizer.
#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/io/training_config.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/adamw.h"
#include "lib/optimizers/rmsprop.h"
#include "lib/optimizers/sgd.h"

namespace nn {

TEST_CASE("optimizer configs round-trip, RMSprop and AdamW included") {
  const RMSprop rmsprop(0.002, 0.8, 0.5, 1e-6, true);
  const AdamW adamw(0.003, 0.01, 0.85, 0.99, 1e-6);
  const Adam adam(0.004);
  const SGD sgd(0.05, 0.9, true);
  for (const Optimizer* optimizer : std::vector<const Optimizer*>{&rmsprop, &adamw, &adam, &sgd}) {
    const nlohmann::json config = optimizer_config(*optimizer);
    const std::unique_ptr<Optimizer> back = optimizer_from_config(config);
    CHECK(back->name() == optimizer->name());
    CHECK(optimizer_config(*back) == config);
  }
  CHECK(optimizer_config(adamw)["config"]["weight_decay"].get<double>() == Approx(0.01));
  CHECK(optimizer_config(rmsprop)["config"]["centered"] == true);
  // Keras 3 writes weight_decay for every optimizer; only AdamW may have one.
  CHECK_THROWS_WITH(optimizer_from_config(nlohmann::json::parse(
                        R"({"class_name": "RMSprop", "config": {"weight_decay": 0.1}})")),
                    Catch::Contains("weight_decay"));
}

}  // namespace nn
