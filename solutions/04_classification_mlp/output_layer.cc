#include "exercises/04_classification_mlp/output_layer.h"

namespace exercises {

// One yes-or-no answer: a sigmoid probability.
OutputLayer spam_filter() { return {1, "sigmoid", "binary_crossentropy"}; }

// Two answers that do not exclude each other: two sigmoids, not a softmax.
OutputLayer spam_and_urgent() { return {2, "sigmoid", "binary_crossentropy"}; }

// One class out of ten, given as an index.
OutputLayer digit_recognizer() { return {10, "softmax", "sparse_categorical_crossentropy"}; }

// One class out of ten, given as a one-hot row.
OutputLayer digit_recognizer_one_hot() { return {10, "softmax", "categorical_crossentropy"}; }

// Any real number: no activation, a squared error.
OutputLayer house_price() { return {1, "linear", "mse"}; }

}  // namespace exercises
