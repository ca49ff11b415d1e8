#include "lib/linear/linear_classifier.h"

#include <catch2/catch.hpp>
#include <limits>

TEST_CASE("the stopping rule waits n_iter_no_change epochs without a tol * n improvement") {
  // 10 samples, tol 0.1: an epoch improves only if its loss is at least 1 below the best.
  nn::NoImprovementStop stop(0.1, 3, 10);
  REQUIRE_FALSE(stop.should_stop(20.0));  // first epoch: improves on infinity
  REQUIRE_FALSE(stop.should_stop(19.5));  // 1 without improvement (best is now 19.5)
  REQUIRE_FALSE(stop.should_stop(18.0));  // improves on 19.5 by 1.5: counter back to 0
  REQUIRE_FALSE(stop.should_stop(17.5));  // 1
  REQUIRE_FALSE(stop.should_stop(17.0));  // 2: 17.0 > 17.5 - 1
  REQUIRE(stop.should_stop(16.8));        // 3: stop
}

TEST_CASE("a tol of minus infinity never stops") {
  nn::NoImprovementStop stop(-std::numeric_limits<double>::infinity(), 1, 10);
  for (int i = 0; i < 100; ++i) REQUIRE_FALSE(stop.should_stop(5.0));
}
