#include "lib/random.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

TEST_CASE("the same seed gives the same stream, another seed another") {
  nn::Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const float x = a.normal();
    REQUIRE(x == b.normal());
    (void)c;
  }
  nn::Rng d(42), e(43);
  REQUIRE(d.uniform() != e.uniform());
}

TEST_CASE("uniform stays in range and normal has mean 0 and deviation 1") {
  nn::Rng rng(7);
  double sum = 0, sum_sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const float u = rng.uniform(-2.0f, 3.0f);
    REQUIRE(u >= -2.0f);
    REQUIRE(u < 3.0f);
    const double z = rng.normal();
    sum += z;
    sum_sq += z * z;
  }
  // Sampling error of the mean is 1/sqrt(n) ~ 0.0022; allow five of them.
  CHECK(std::abs(sum / n) < 0.011);
  CHECK(std::abs(sum_sq / n - 1.0) < 0.02);
}

TEST_CASE("a permutation holds every index once, and below(n) covers [0, n)") {
  nn::Rng rng(1);
  auto order = rng.permutation(1000);
  auto sorted = order;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) REQUIRE(sorted[i] == i);
  REQUIRE(order != sorted);  // a shuffle of 1000 items that changes nothing is ~1/1000!
  std::vector<int> seen(5, 0);
  for (int i = 0; i < 5000; ++i) seen[rng.below(5)]++;
  for (int count : seen) CHECK(count > 800);
}
