#include "lib/initializers.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

namespace {

struct Stats {
  double mean = 0, stddev = 0, min = 1e9, max = -1e9;
};

Stats stats(const nn::Tensor& w) {
  Stats s;
  for (float v : w) {
    s.mean += v;
    s.min = std::min<double>(s.min, v);
    s.max = std::max<double>(s.max, v);
  }
  s.mean /= w.size();
  for (float v : w) s.stddev += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(s.stddev / w.size());
  return s;
}

nn::Tensor filled(const nn::Initializer& init, std::size_t in, std::size_t out,
                  std::uint64_t seed = 1) {
  nn::Tensor w = nn::Tensor::from_shape({in, out});
  init.fill(w, in, out, seed);
  return w;
}

}  // namespace

TEST_CASE("glorot_uniform: uniform in ±sqrt(6 / (in + out))") {
  const nn::Tensor w = filled("glorot_uniform", 400, 200);
  const double limit = std::sqrt(6.0 / 600.0);
  const Stats s = stats(w);
  CHECK(s.max <= limit);
  CHECK(s.min >= -limit);
  CHECK(s.max > 0.99 * limit);
  CHECK(s.stddev == Approx(limit / std::sqrt(3.0)).epsilon(0.01));
}

TEST_CASE("he_normal: truncated at 2 stddev, variance 2 / fan_in") {
  const nn::Tensor w = filled("he_normal", 500, 300);
  const double stddev = std::sqrt(2.0 / 500.0) / 0.87962566103423978;
  const Stats s = stats(w);
  CHECK(std::abs(s.mean) < 0.002);
  CHECK(s.max <= 2 * stddev);
  CHECK(s.min >= -2 * stddev);
  // The truncated draws end with the variance asked for: 2 / fan_in.
  CHECK(s.stddev == Approx(std::sqrt(2.0 / 500.0)).epsilon(0.01));
}

TEST_CASE("the other Keras initializers") {
  CHECK(stats(filled("zeros", 3, 4)).max == 0.0);
  CHECK(stats(filled("ones", 3, 4)).min == 1.0);
  CHECK(stats(filled("random_normal", 300, 300)).stddev == Approx(0.05).epsilon(0.02));
  CHECK(stats(filled("random_uniform", 300, 300)).max <= 0.05);
  CHECK(stats(filled("lecun_normal", 400, 100)).stddev ==
        Approx(std::sqrt(1.0 / 400)).epsilon(0.02));
  CHECK(stats(filled("glorot_normal", 400, 200)).stddev ==
        Approx(std::sqrt(2.0 / 600)).epsilon(0.02));
  CHECK(stats(filled("he_uniform", 400, 100)).max <= std::sqrt(6.0 / 400));
  CHECK(stats(filled(nn::Constant(0.5), 2, 2)).mean == 0.5);
  CHECK(stats(filled(nn::VarianceScaling(3.0, "fan_out", "untruncated_normal"), 50, 400)).stddev ==
        Approx(std::sqrt(3.0 / 400)).epsilon(0.02));
}

TEST_CASE("seeds: the same seed gives the same weights; an initializer's own seed wins") {
  CHECK((filled("glorot_uniform", 5, 5, 7) == filled("glorot_uniform", 5, 5, 7)));
  CHECK((filled("glorot_uniform", 5, 5, 7) != filled("glorot_uniform", 5, 5, 8)));
  CHECK((filled(nn::HeNormal(3), 5, 5, 7) == filled(nn::HeNormal(3), 5, 5, 8)));
  nn::set_random_seed(42);
  const std::uint64_t a = nn::draw_seed(), b = nn::draw_seed();
  nn::set_random_seed(42);
  CHECK(nn::draw_seed() == a);
  CHECK(nn::draw_seed() == b);
  CHECK(a != b);
}

TEST_CASE("configs as Keras writes them, and unknown names") {
  CHECK(nn::Initializer("glorot_uniform").get_config() ==
        nlohmann::json::parse(R"({"class_name": "GlorotUniform", "config": {"seed": null}})"));
  CHECK(nn::Initializer("zeros").get_config() ==
        nlohmann::json::parse(R"({"class_name": "Zeros", "config": {}})"));
  CHECK(
      nn::RandomNormal(0.0, 0.1, 5).get_config() ==
      nlohmann::json::parse(
          R"({"class_name": "RandomNormal", "config": {"mean": 0.0, "stddev": 0.1, "seed": 5}})"));
  CHECK(nn::VarianceScaling(2.0, "fan_avg", "uniform").get_config()["config"]["mode"] == "fan_avg");
  CHECK_THROWS_WITH(nn::Initializer("glorot"), Catch::Contains("glorot") &&
                                                   Catch::Contains("\"glorot_uniform\"") &&
                                                   Catch::Contains("\"he_normal\""));
  CHECK_THROWS_AS(nn::VarianceScaling(1.0, "fan_sideways"), nn::ValueError);
}
