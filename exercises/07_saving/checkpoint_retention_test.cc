// Tests for exercise 7.7. Do not edit: `./book grade checkpoint_retention` runs them.
// Reference values: worked by hand in the comments.
#include "exercises/07_saving/checkpoint_retention.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using exercises::Checkpoint;
using exercises::to_delete;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Listed out of order, as a directory listing gives them.
const std::vector<Checkpoint> run = {{"ckpt-7.h5", 7, 0.31},   {"ckpt-2.h5", 2, 0.52},
                                     {"ckpt-10.h5", 10, 0.35}, {"ckpt-4.h5", 4, 0.30},
                                     {"ckpt-9.h5", 9, 0.33},   {"ckpt-1.h5", 1, 0.80},
                                     {"ckpt-5.h5", 5, 0.30},   {"ckpt-8.h5", 8, 0.29},
                                     {"ckpt-3.h5", 3, 0.41},   {"ckpt-6.h5", 6, 0.32}};

}  // namespace

TEST_CASE("keep the two best and the two latest") {
  // Best: 8 (0.29), then 4 and 5 tie at 0.30: the earlier, 4. Latest: 10 and 9.
  const std::vector<std::string> expected = {"ckpt-1.h5", "ckpt-2.h5", "ckpt-3.h5",
                                             "ckpt-5.h5", "ckpt-6.h5", "ckpt-7.h5"};
  CHECK(to_delete(run, 2, 2) == expected);
}

TEST_CASE("a checkpoint that is best and latest is kept once, not twice") {
  // Best three: 8, 4, 5; latest three: 10, 9, 8. Kept: 4, 5, 8, 9, 10.
  const std::vector<std::string> expected = {"ckpt-1.h5", "ckpt-2.h5", "ckpt-3.h5", "ckpt-6.h5",
                                             "ckpt-7.h5"};
  CHECK(to_delete(run, 3, 3) == expected);
  // Only the latest: keep 10; only the best: keep 8.
  CHECK(to_delete(run, 0, 1).size() == 9);
  CHECK(to_delete({{"a", 3, 0.5}, {"b", 1, 0.2}, {"c", 2, 0.9}}, 1, 0) ==
        std::vector<std::string>{"c", "a"});
  CHECK(to_delete({{"a", 3, 0.5}, {"b", 1, 0.2}, {"c", 2, 0.9}}, 0, 1) ==
        std::vector<std::string>{"b", "c"});
}

TEST_CASE("a diverged checkpoint is never among the best, but may be among the latest") {
  // Epochs 3 and 4 diverged. The two best finite: 1 (0.4) and 2 (0.6); the latest: 4.
  const std::vector<Checkpoint> diverged = {
      {"e1", 1, 0.4}, {"e2", 2, 0.6}, {"e3", 3, kNaN}, {"e4", 4, kNaN}};
  CHECK(to_delete(diverged, 2, 1) == std::vector<std::string>{"e3"});
  CHECK(to_delete(diverged, 3, 0) == std::vector<std::string>{"e3", "e4"});
}

TEST_CASE("more to keep than there are, nothing at all, and repeated epochs") {
  CHECK(to_delete(run, 20, 20).empty());
  CHECK(to_delete({}, 2, 2).empty());
  CHECK(to_delete(run, 0, 0).size() == run.size());
  CHECK_THROWS_AS(to_delete({{"a", 3, 0.5}, {"b", 3, 0.4}}, 1, 1), std::invalid_argument);
  CHECK_THROWS_WITH(to_delete({{"a", 3, 0.5}, {"b", 3, 0.4}}, 1, 1), Catch::Contains("3"));
}
