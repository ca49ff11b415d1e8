#pragma once
/// \file
/// # Exercise 4.5: the right output layer and loss for the task ★ (10 points)
///
/// A conceptual question, answered in code. The hidden layers of a network say little
/// about the task; its output layer and its loss say everything. For each task below,
/// return the output layer's number of units, its activation and the loss, by their Keras
/// names (`"sigmoid"`, `"softmax"`, `"linear"`, `"relu"`, ...;
/// `"binary_crossentropy"`, `"categorical_crossentropy"`,
/// `"sparse_categorical_crossentropy"`, `"mse"`, `"huber"`, ...):
///
/// 1. `spam_filter()`: is this e-mail spam?
/// 2. `spam_and_urgent()`: two independent flags per e-mail: spam? urgent?
/// 3. `digit_recognizer()`: which of the ten digits is in this image? The labels are the
///    digits themselves, integers 0 to 9.
/// 4. `digit_recognizer_one_hot()`: the same, with the labels given as one-hot rows of ten.
/// 5. `house_price()`: the price of a house, in thousands of dollars, from its features.
///
/// The tests also build each answer with the library, compile it and train it for a few
/// steps on data of that task's shape, so a name the library does not know, or a loss that
/// does not fit the targets, fails with the library's own message.

#include <string>

namespace exercises {

/// The top of a network: Dense(units, activation), trained with loss.
struct OutputLayer {
  int units = 0;           ///< output units
  std::string activation;  ///< Keras's activation name
  std::string loss;        ///< Keras's loss name
};

/// Spam or not.
OutputLayer spam_filter();
/// Spam? and urgent? for each e-mail.
OutputLayer spam_and_urgent();
/// One digit of ten, labels 0..9.
OutputLayer digit_recognizer();
/// One digit of ten, labels one-hot.
OutputLayer digit_recognizer_one_hot();
/// A price: one real number.
OutputLayer house_price();

}  // namespace exercises
