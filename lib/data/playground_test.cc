#include "lib/data/playground.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

namespace {

int count_ones(const nn::Labels& y) {
  int ones = 0;
  for (int label : y) ones += label;
  return ones;
}

}  // namespace

TEST_CASE("every set: (n, 2) points, labels 0 or 1, half of each") {
  for (const std::string& name : nn::playground_names()) {
    for (std::size_t n : {200, 201}) {
      const nn::PlaygroundData data = nn::make_playground(name, n, 0.0f, 1);
      INFO(name << " n=" << n);
      REQUIRE(data.x.shape()[0] == n);
      REQUIRE(data.x.shape()[1] == 2);
      REQUIRE(data.y.size() == n);
      for (int label : data.y) REQUIRE((label == 0 || label == 1));
      if (name == "xor") {
        // xor's labels come from where the points fall: about half, not exactly.
        REQUIRE(std::abs(count_ones(data.y) - static_cast<int>(n) / 2) < 30);
      } else {
        REQUIRE(count_ones(data.y) == static_cast<int>((n + 1) / 2));
      }
      for (float v : data.x) REQUIRE(std::abs(v) < 12.0f);
    }
  }
}

TEST_CASE("the same seed gives the same points, another seed others") {
  for (const std::string& name : nn::playground_names()) {
    const auto a = nn::make_playground(name, 100, 0.2f, 5);
    const auto b = nn::make_playground(name, 100, 0.2f, 5);
    const auto c = nn::make_playground(name, 100, 0.2f, 6);
    REQUIRE(a.x == b.x);
    REQUIRE(a.y == b.y);
    REQUIRE(a.x != c.x);
  }
}

TEST_CASE("without noise the shapes are exact") {
  const auto circle = nn::make_circle(400, 0.0f, 2);
  const auto xor_data = nn::make_xor(400, 0.0f, 2);
  const auto spiral = nn::make_spirals(400, 0.0f, 2);
  for (std::size_t i = 0; i < 400; ++i) {
    const float r = std::hypot(circle.x(i, 0), circle.x(i, 1));
    REQUIRE((circle.y(i) == 1 ? r < 2.5f : (r >= 3.5f - 1e-5f && r <= 5.0f + 1e-5f)));
    const bool same_sign = xor_data.x(i, 0) * xor_data.x(i, 1) >= 0.0f;
    REQUIRE(xor_data.y(i) == (same_sign ? 1 : 0));
    REQUIRE(std::abs(xor_data.x(i, 0)) >= 0.3f);
    REQUIRE(std::hypot(spiral.x(i, 0), spiral.x(i, 1)) <= 5.0f + 1e-5f);
  }
}

TEST_CASE("gauss: clusters around (2, 2) and (-2, -2), wider with noise") {
  const auto data = nn::make_gaussians(2000, 0.0f, 3);
  double sum[2] = {0, 0};  // 1000 points in each cluster
  for (std::size_t i = 0; i < 2000; ++i) sum[data.y(i)] += data.x(i, 0) + data.x(i, 1);
  REQUIRE(sum[1] / 1000.0 == Approx(4.0).margin(0.15));  // mean of x + y is 4 for the 1s
  REQUIRE(sum[0] / 1000.0 == Approx(-4.0).margin(0.15));
  auto spread = [](const nn::PlaygroundData& d) {
    double s = 0;
    for (std::size_t i = 0; i < d.y.size(); ++i) {
      const float c = d.y(i) == 1 ? 2.0f : -2.0f;
      s += (d.x(i, 0) - c) * (d.x(i, 0) - c);
    }
    return s / static_cast<double>(d.y.size());
  };
  REQUIRE(spread(data) == Approx(0.5).margin(0.06));  // variance 0.5 at noise 0
  REQUIRE(spread(nn::make_gaussians(2000, 0.5f, 3)) == Approx(4.0).margin(0.4));
}

TEST_CASE("noise flips labels near the circle's edge; bad arguments are errors") {
  const auto noisy = nn::make_circle(1000, 0.5f, 4);
  int flipped = 0;
  for (std::size_t i = 0; i < 1000; ++i) {
    const bool inside = std::hypot(noisy.x(i, 0), noisy.x(i, 1)) < 2.5f;
    flipped += (noisy.y(i) == 1) != inside;
  }
  REQUIRE(flipped > 50);
  REQUIRE_THROWS_AS(nn::make_circle(10, -0.1f, 1), nn::ValueError);
  REQUIRE_THROWS_WITH(nn::make_playground("moons", 10, 0.0f, 1),
                      "no playground data set 'moons' (known: circle, xor, gauss, spiral)");
}
