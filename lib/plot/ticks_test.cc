#include "lib/plot/ticks.h"

#include <catch2/catch.hpp>

namespace nn::plot {
namespace {

void check_values(const std::vector<double>& got, const std::vector<double>& want) {
  INFO("got " << got.size() << " ticks, want " << want.size());
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(1e-12));
}

}  // namespace

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten", "[plot][ticks]") {
  CHECK(nice_step(0, 1) == Approx(0.2));
  CHECK(nice_step(-0.05, 1.05) == Approx(0.2));
  CHECK(nice_step(0, 10) == Approx(2));
  CHECK(nice_step(0.05, 20.95) == Approx(5));
  CHECK(nice_step(0, 100) == Approx(20));
  CHECK(nice_step(0, 0.003) == Approx(0.0005));
  CHECK(nice_step(1000, 1e6) == Approx(200000));
}

TEST_CASE("linear ticks over [0, 1] are 0, 0.2, ..., 1 with tidy labels", "[plot][ticks]") {
  const Ticks ticks = linear_ticks(0, 1);
  check_values(ticks.values, {0, 0.2, 0.4, 0.6, 0.8, 1});
  CHECK(ticks.labels == std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8", "1"});
  CHECK(ticks.values[3] == 0.6);  // exactly, not 0.6000000000000001
  CHECK(ticks.minor.empty());
}

TEST_CASE("linear ticks: negative ranges, integers, small and large steps", "[plot][ticks]") {
  CHECK(linear_ticks(-1.05, 1.05).labels ==
        std::vector<std::string>{"-1", "-0.5", "0", "0.5", "1"});
  CHECK(linear_ticks(0.05, 20.95).labels == std::vector<std::string>{"5", "10", "15", "20"});
  CHECK(linear_ticks(0, 3).labels ==
        std::vector<std::string>{"0", "0.5", "1", "1.5", "2", "2.5", "3"});
  CHECK(linear_ticks(0, 5e-5).labels ==
        std::vector<std::string>{"0", "1e-5", "2e-5", "3e-5", "4e-5", "5e-5"});
  CHECK(linear_ticks(0, 4e6).labels == std::vector<std::string>{"0", "1e6", "2e6", "3e6", "4e6"});
  for (int max_ticks = 3; max_ticks <= 9; ++max_ticks) {
    CHECK(linear_ticks(-3.7, 123.4, max_ticks).values.size() <= std::size_t(max_ticks));
  }
}

TEST_CASE("log ticks from 1e-5 to 10 are the powers of ten", "[plot][ticks]") {
  const Ticks ticks = log_ticks(1e-5, 10);
  check_values(ticks.values, {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10});
  CHECK(ticks.labels ==
        std::vector<std::string>{"10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"});
  CHECK(ticks.minor.size() == 6 * 8);  // 2..9 in each of the six decades
  CHECK(ticks.minor.front() == Approx(2e-5));
}

TEST_CASE("log ticks thin out over many decades and fall back inside one", "[plot][ticks]") {
  const Ticks wide = log_ticks(1e-12, 1e3, 8);  // 16 powers of ten: every second one
  CHECK(wide.values.size() <= 8);
  CHECK(wide.labels.front() == "10⁻¹²");
  const Ticks narrow = log_ticks(2, 60);  // one power of ten inside: 1-2-5 ticks
  check_values(narrow.values, {2, 5, 10, 20, 50});
  CHECK(narrow.labels == std::vector<std::string>{"2", "5", "10", "20", "50"});
}

TEST_CASE("tick labels and powers of ten", "[plot][ticks]") {
  CHECK(format_tick(0.6000000000000001, 0.2) == "0.6");
  CHECK(format_tick(-1e-17, 0.2) == "0");
  CHECK(format_tick(2.5, 0.25) == "2.5");
  CHECK(format_tick(2.75, 0.25) == "2.75");
  CHECK(format_tick(15, 5) == "15");
  CHECK(power_of_ten(-5) == "10⁻⁵");
  CHECK(power_of_ten(12) == "10¹²");
  CHECK(power_of_ten(0) == "10⁰");
}

}  // namespace nn::plot
