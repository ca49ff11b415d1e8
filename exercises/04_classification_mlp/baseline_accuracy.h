#pragma once
/// \file
/// # Exercise 4.9: the accuracy to beat ★ (10 points)
///
/// "92% accuracy" means nothing until it is compared with what needs no learning at all.
/// Two baselines, both *fitted on the training labels only* and scored on the test labels:
///
/// - the **majority** baseline predicts, for every test example, the class that is most
///   frequent in the training set (on a tie, the smallest class number). Its accuracy is
///   the share of test examples of that class. On a data set where 95% of the examples are
///   negative, it scores 95%, and a model at 92% is worse than doing nothing;
/// - the **frequency** baseline guesses at random, class c with its training frequency
///   \f$q_c\f$. Its expected accuracy is \f$\sum_c q_c\, p_c\f$, with \f$p_c\f$ the test
///   frequency of class c: the chance that the guess and the truth agree.
///
/// Write `majority_class(y_train, classes)`, `majority_baseline(y_train, y_test, classes)`
/// and `frequency_baseline(y_train, y_test, classes)`. Throw `std::invalid_argument` for a
/// label outside [0, classes) or an empty label list.

#include <stdexcept>

#include "lib/tensor.h"

namespace exercises {

/// The most frequent class of y_train (the smallest on a tie).
int majority_class(const nn::Labels& y_train, std::size_t classes);

/// The accuracy on y_test of always predicting y_train's majority class.
double majority_baseline(const nn::Labels& y_train, const nn::Labels& y_test, std::size_t classes);

/// Σ_c q_c p_c: the expected accuracy of guessing with the training frequencies q.
double frequency_baseline(const nn::Labels& y_train, const nn::Labels& y_test, std::size_t classes);

}  // namespace exercises
