#pragma once
/// \file
/// # Exercise 5.2: two inputs, two outputs and weighted losses ★★ (20 points)
///
/// Build the chapter's network with two inputs and an auxiliary output, then compile it so
/// that it minimises
///
/// \f[ L = 0.9\,L_{\text{main}} + 0.1\,L_{\text{aux}}, \f]
///
/// with the mean squared error for both outputs.
///
/// `wide_deep_with_aux(wide, deep, units)` returns an `nn::Functional` with this data
/// flow: two inputs, in this order, of `wide` and of `deep` numbers; a deep path of two
/// `nn::Dense(units, "relu")` layers on the deep input only; the wide input and the deep
/// path's output joined side by side (wide first); and two single linear units as the
/// outputs, in this order: the main output on the joined vector and the auxiliary output on
/// the deep path's output alone. Name the two output layers `"main_output"` and
/// `"aux_output"`, because the logs of `fit` are keyed by them; every other name is yours.
/// The tests find the Dense layers by their kernels' shapes and check what the model
/// computes.
///
/// `compile_weighted(model, learning_rate)` compiles the model with one `"mse"` loss per
/// output, `nn::Adam(learning_rate)`, the metric `"mae"` and the loss weights 0.9 (main) and
/// 0.1 (auxiliary). Then `fit({x_wide, x_deep}, {y, y})` logs `main_output_loss`,
/// `aux_output_loss`, `main_output_mae`, `aux_output_mae`, and a `loss` that is
/// 0.9 × main + 0.1 × aux.

#include <cstddef>

#include "lib/nn.h"

namespace exercises {

/// The two-input, two-output Wide & Deep network described above.
nn::Functional wide_deep_with_aux(std::size_t wide, std::size_t deep, int units);

/// Compiles `model` with MSE for each output, Adam(learning_rate), the metric "mae" and the
/// loss weights {0.9, 0.1}.
void compile_weighted(nn::Model& model, double learning_rate);

}  // namespace exercises
