#pragma once
// Losses for regression, with e = y_pred − y_true over N rows and d outputs:
//
//   mean_squared_error   L = Σ e² / (N·d)        ∂L/∂y_pred = 2e / (N·d)
//   mean_absolute_error  L = Σ |e| / (N·d)       ∂L/∂y_pred = sign(e) / (N·d)
//   huber (δ)            L = Σ h(e) / (N·d)      h(e) = e²/2 if |e| <= δ, else δ(|e| − δ/2)
//                                                ∂L/∂y_pred = clip(e, −δ, δ) / (N·d)

#include <memory>
#include <string>

#include "lib/losses/loss.h"

namespace nn {

/// Mean squared error ("mse").
class MeanSquaredError : public Loss {
 public:
  MeanSquaredError() : Loss("mean_squared_error") {}  ///< no settings
  std::string class_name() const override { return "MeanSquaredError"; }
  double forward(const Tensor& y_true, const Tensor& y_pred) const override;
  void backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const override;
  std::unique_ptr<Loss> clone() const override;
};

/// Mean absolute error ("mae"). At e = 0 the gradient is 0, as in Keras and PyTorch.
class MeanAbsoluteError : public Loss {
 public:
  MeanAbsoluteError() : Loss("mean_absolute_error") {}  ///< no settings
  std::string class_name() const override { return "MeanAbsoluteError"; }
  double forward(const Tensor& y_true, const Tensor& y_pred) const override;
  void backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const override;
  std::unique_ptr<Loss> clone() const override;
};

/// Huber loss ("huber"): squared near 0, linear beyond δ, so outliers pull less.
class Huber : public Loss {
 public:
  /// The threshold δ > 0 (ValueError otherwise).
  explicit Huber(double delta = 1.0);
  std::string class_name() const override { return "Huber"; }
  double forward(const Tensor& y_true, const Tensor& y_pred) const override;
  void backward(const Tensor& y_true, const Tensor& y_pred, Tensor& dy_pred) const override;
  /// Adds "delta".
  nlohmann::json get_config() const override;
  std::unique_ptr<Loss> clone() const override;
  /// δ.
  double delta() const { return delta_; }

 private:
  double delta_;
};

}  // namespace nn
