#include "exercises/04_classification_mlp/output_layer.h"

namespace exercises {

// TODO: fill in {units, "activation", "loss"} for each task.

OutputLayer spam_filter() { return {0, "", ""}; }

OutputLayer spam_and_urgent() { return {0, "", ""}; }

OutputLayer digit_recognizer() { return {0, "", ""}; }

OutputLayer digit_recognizer_one_hot() { return {0, "", ""}; }

OutputLayer house_price() { return {0, "", ""}; }

}  // namespace exercises
