#pragma once
/// \file
/// # Exercise 3.1: RMSE and MAE ★ (10 points)
///
/// A regression model is judged by how far its predictions \f$\hat{y}\f$ land from the
/// labels \f$y\f$, in the label's own unit. Two numbers say it:
///
/// \f[ \mathrm{RMSE} = \sqrt{\frac{1}{N}\sum_{i=1}^{N} (\hat{y}_i - y_i)^2}, \qquad
///     \mathrm{MAE} = \frac{1}{N}\sum_{i=1}^{N} \lvert \hat{y}_i - y_i \rvert, \f]
///
/// where the sums run over every entry of the two (rows, outputs) tensors, so that
/// \f$N\f$ = rows × outputs, as Keras averages. The RMSE punishes one large miss more than
/// several small ones of the same total; the MAE counts every unit the same.
///
/// Write `rmse` and `mae`. Add up in `double`: a `float` running sum over a million rows
/// loses digits. Throw `nn::ShapeError` with both shapes in its message (`nn::shape_string`)
/// when `y_true` and `y_pred` differ in shape, and `nn::ValueError` when they are empty.

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// The root mean squared error of y_pred against y_true, both (rows, outputs).
double rmse(const nn::Tensor& y_true, const nn::Tensor& y_pred);

/// The mean absolute error of y_pred against y_true, both (rows, outputs).
double mae(const nn::Tensor& y_true, const nn::Tensor& y_pred);

}  // namespace exercises
