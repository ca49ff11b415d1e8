// Tests for exercise 6.6. Do not edit: `./book grade successive_halving` runs them.
// Reference values: the rounds and budgets worked out by hand in the comments, from the
// statement's rules; the losses come from learning curves chosen so that the winner after
// a short training is not the winner after a long one.
#include "exercises/06_tuning/successive_halving.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

using exercises::HalvingResult;
using exercises::successive_halving;

namespace {

// Candidate c's loss after `budget` epochs: a floor a_c plus a term that fades as b_c / budget.
// Candidate 7 starts slowly (large b) but ends lowest (smallest a); 2 starts fastest.
double curve(int c, int budget) {
  const double floor[9] = {0.50, 0.40, 0.30, 0.45, 0.60, 0.35, 0.55, 0.10, 0.65};
  const double slow[9] = {1.0, 1.0, 0.1, 1.0, 1.0, 1.5, 1.0, 2.4, 1.0};
  return floor[c] + slow[c] / budget;
}

}  // namespace

TEST_CASE("nine candidates, eta 3, 54 epochs: 9 x 3 epochs, then 3 x 9, and the late bloomer") {
  std::vector<std::pair<int, int>> calls;
  const HalvingResult r = successive_halving(
      9,
      [&](int c, int budget) {
        calls.emplace_back(c, budget);
        return curve(c, budget);
      },
      54, 3);
  // R = 2 (9 → 3 → 1). Round 0: b = 54 / (9 · 2) = 3; losses after 3 epochs:
  // 0: .833 1: .733 2: .333 3: .783 4: .933 5: .85 6: .883 7: .9 8: .983 → keep 2, 1, 3.
  // Candidate 7 (0.9 after 3 epochs) is dropped here: halving is not magic.
  // Round 1: b = 54 / (3 · 2) = 9: 1: .511 2: .311 3: .561 → 2 wins.
  REQUIRE(r.rounds.size() == 2);
  CHECK(r.rounds[0].candidates == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(r.rounds[0].budget == 3);
  CHECK(r.rounds[1].candidates == std::vector<int>{1, 2, 3});
  CHECK(r.rounds[1].budget == 9);
  CHECK(r.best == 2);
  CHECK(r.spent == 54);
  std::vector<std::pair<int, int>> expected;
  for (int c = 0; c < 9; ++c) expected.emplace_back(c, 3);
  for (int c : {1, 2, 3}) expected.emplace_back(c, 9);
  CHECK(calls == expected);
}

TEST_CASE("the late bloomer wins when the first round is long enough") {
  // 9 candidates, eta 3, 270 epochs: round 0 gives 15 each: 7 scores 0.26, the best; 2 has
  // 0.307, 5 has 0.45: keep 2, 5, 7. Round 1 gives 45: 7 scores 0.153, 2 0.302: 7 wins.
  const HalvingResult r = successive_halving(9, curve, 270, 3);
  REQUIRE(r.rounds.size() == 2);
  CHECK(r.rounds[0].budget == 15);
  CHECK(r.rounds[1].candidates == std::vector<int>{2, 5, 7});
  CHECK(r.rounds[1].budget == 45);
  CHECK(r.best == 7);
  CHECK(r.spent == 270);
}

TEST_CASE("uneven numbers: 10 candidates with eta 2 take 3 rounds, 10 → 5 → 2 → 1") {
  // R = 3; B = 120: round 0 gives 120 / 30 = 4 each, round 1 120 / 15 = 8, round 2 120 / 6 = 20.
  // The loss is the candidate's distance from 6, so 6 wins and ties are broken by number.
  const auto distance = [](int c, int) { return static_cast<double>(c > 6 ? c - 6 : 6 - c); };
  const HalvingResult r = successive_halving(10, distance, 120, 2);
  REQUIRE(r.rounds.size() == 3);
  CHECK(r.rounds[0].budget == 4);
  // Distances 0..9 from 6: 6 (0), 5 and 7 (1), 4 and 8 (2), ...: the best five are 4..8.
  CHECK(r.rounds[1].candidates == std::vector<int>{4, 5, 6, 7, 8});
  CHECK(r.rounds[1].budget == 8);
  // Of 4..8, the best two: 6 and then 5 (the tie of 5 and 7 goes to the smaller number).
  CHECK(r.rounds[2].candidates == std::vector<int>{5, 6});
  CHECK(r.rounds[2].budget == 20);
  CHECK(r.best == 6);
  CHECK(r.spent == 10 * 4 + 5 * 8 + 2 * 20);
}

TEST_CASE("one candidate needs no evaluation; bad settings are refused") {
  int evaluations = 0;
  const HalvingResult one = successive_halving(
      1,
      [&](int, int) {
        ++evaluations;
        return 0.0;
      },
      10, 3);
  CHECK(one.best == 0);
  CHECK(one.rounds.empty());
  CHECK(evaluations == 0);
  CHECK_THROWS_AS(successive_halving(0, curve, 10, 3), std::invalid_argument);
  CHECK_THROWS_AS(successive_halving(9, curve, 10, 1), std::invalid_argument);
  CHECK_THROWS_AS(successive_halving(9, curve, 17, 3), std::invalid_argument);  // 17 / 18 < 1
}
