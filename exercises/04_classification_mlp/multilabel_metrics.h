#pragma once
/// \file
/// # Exercise 4.1: binary cross-entropy, and two accuracies for multilabel outputs ★★ (20 points)
///
/// A multilabel classifier answers \f$k\f$ yes-or-no questions about each of \f$n\f$
/// examples: its output `p` is (n, k), one sigmoid probability per answer, and the targets
/// `t` are (n, k) zeros and ones. Write the three numbers that judge it:
///
/// 1. `binary_crossentropy(t, p)`: Keras's loss, the mean over all \f$n k\f$ answers of
///    \f[ -\bigl[\, t \log p + (1 - t) \log(1 - p) \,\bigr], \f]
///    with every \f$p\f$ first clipped to \f$[\varepsilon, 1 - \varepsilon]\f$,
///    \f$\varepsilon = 10^{-7}\f$, so that a confident wrong answer (\f$p = 0\f$ for a
///    yes) costs a large but finite \f$-\log \varepsilon \approx 16.1\f$. Compute in
///    `double`.
/// 2. `binary_accuracy(t, p, threshold)`: the share of the \f$n k\f$ answers that are
///    right, where the network says yes when \f$p > \text{threshold}\f$ (strictly).
/// 3. `exact_match_ratio(t, p, threshold)`: the share of the \f$n\f$ examples whose
///    \f$k\f$ answers are all right.
///
/// All three throw `std::invalid_argument` when `t` and `p` have different shapes (the
/// message shows both, e.g. "(4, 3) and (4, 2)") or hold no answers at all.

#include "lib/tensor.h"

namespace exercises {

/// Mean binary cross-entropy of probabilities p (n, k) against targets t (n, k), p clipped.
double binary_crossentropy(const nn::Tensor& t, const nn::Tensor& p);

/// The share of the n·k answers that are right (yes when p > threshold).
double binary_accuracy(const nn::Tensor& t, const nn::Tensor& p, float threshold = 0.5f);

/// The share of the n rows whose answers are all right.
double exact_match_ratio(const nn::Tensor& t, const nn::Tensor& p, float threshold = 0.5f);

}  // namespace exercises
