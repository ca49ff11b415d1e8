#pragma once
/// \file
/// # Exercise 6.6: successive halving on a budget ★★ (20 points)
///
/// A random search gives every candidate the same number of epochs, though most of them
/// show within a few epochs that they will not win. *Successive halving* (Jamieson and
/// Talwalkar, 2016; the inner loop of Hyperband) spends the budget where it matters: train
/// every candidate a little, keep the best fraction, train those longer, and so on, until
/// one is left.
///
/// With n candidates (numbered 0 to n − 1), a reduction factor \f$\eta \ge 2\f$ and a total
/// budget B (in epochs, say):
///
/// 1. The survivors shrink from \f$m_0 = n\f$ by \f$m_{r+1} = \max(1, \lfloor m_r / \eta
///    \rfloor)\f$; R is the number of rounds until one is left (the number of steps from
///    n down to 1; R = 0 when n = 1, and then candidate 0 wins without any evaluation).
/// 2. Round r gives each of its \f$m_r\f$ survivors the budget \f$b_r = \lfloor B / (m_r
///    R) \rfloor\f$, so that each round spends at most B / R and later rounds, with fewer
///    survivors, train each one longer. Call `evaluate(candidate, b_r)` once for each
///    survivor, in increasing order of candidate number; it returns a loss (lower is better).
/// 3. The \f$m_{r+1}\f$ survivors with the lowest losses go on (on a tie, the smaller
///    candidate number first). After the last round the one survivor is the winner.
///
/// Throw `std::invalid_argument` when n < 1, \f$\eta\f$ < 2, or some round's \f$b_r\f$
/// would be below 1 (the budget is too small for that many candidates).

#include <functional>
#include <vector>

namespace exercises {

/// One round of successive halving.
struct HalvingRound {
  std::vector<int> candidates;  ///< who was evaluated, in increasing order
  int budget = 0;               ///< b_r: the budget each one got
};

/// What successive_halving() did.
struct HalvingResult {
  int best = 0;                      ///< the winner
  std::vector<HalvingRound> rounds;  ///< the R rounds, in order
  long spent = 0;                    ///< Σ m_r b_r, at most B
};

/// The loss of `candidate` trained with `budget`.
using Evaluate = std::function<double(int candidate, int budget)>;

/// Successive halving of n candidates with reduction factor eta and total budget B.
HalvingResult successive_halving(int n, const Evaluate& evaluate, long total_budget, int eta = 3);

}  // namespace exercises
