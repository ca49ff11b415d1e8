#pragma once
// Regularizers: a penalty on a weight tensor w, added to the loss so that training prefers
// small weights. Keras 3's definitions (keras.regularizers), with no ½ in front of L2:
//
//   L1(l1 = 0.01)             l1·Σ|w|
//   L2(l2 = 0.01)             l2·Σw²
//   L1L2(l1 = 0.0, l2 = 0.0)  l1·Σ|w| + l2·Σw²
//
// and their gradients l1·sign(w) (0 at w = 0, as Keras's sign() gives) and 2·l2·w. A layer
// asks for the penalty of its kernel on the tape; the model adds it to the loss, so one
// backward() brings the kernel both gradients.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/parameter.h"
#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// A penalty l1·Σ|w| + l2·Σw² on a weight, by Keras name or as L1, L2, L1L2 below.
class Regularizer {
 public:
  /// The regularizer with this Keras name and Keras's defaults: "l1" (l1 = 0.01), "l2"
  /// (l2 = 0.01), "l1_l2" (both 0.01, as Keras documents the name). Throws ValueError
  /// listing the names if unknown.
  Regularizer(const std::string& name);  // NOLINT: implicit, as Initializer's
  /// The same, from a string literal.
  Regularizer(const char* name);  // NOLINT

  /// Keras's class name: "L1", "L2" or "L1L2".
  const std::string& class_name() const { return class_name_; }
  /// The factor of Σ|w|.
  double l1() const { return l1_; }
  /// The factor of Σw².
  double l2() const { return l2_; }

  /// The penalty of w (any shape) as a number.
  float penalty(const Tensor& w) const;
  /// The penalty of w as a (1, 1) Var on the tape. Backward:
  /// dw += dy·(l1·sign(w) + 2·l2·w).
  Var penalty(const Parameter& w) const;

  /// {"class_name": "L2", "config": {"l2": 0.01}} as Keras writes it in a layer's config
  /// (L1 has only "l1", L2 only "l2", L1L2 both).
  nlohmann::json get_config() const;
  /// The regularizer of a get_config() (extra keys such as Keras 3's "module" are ignored;
  /// a missing or null factor takes the class's default), or of a name as a JSON string.
  /// Throws ValueError naming the field for an unknown class, an unknown config key, or a
  /// factor that is not a finite number >= 0.
  static Regularizer from_config(const nlohmann::json& config);

 protected:
  /// For the classes below. Throws ValueError unless l1 and l2 are finite and >= 0.
  Regularizer(std::string class_name, double l1, double l2);

 private:
  std::string class_name_;
  double l1_ = 0.0, l2_ = 0.0;
};

/// l1·Σ|w|.
struct L1 : Regularizer {
  explicit L1(double l1 = 0.01);  ///< Keras's default factor
};
/// l2·Σw² (no ½).
struct L2 : Regularizer {
  explicit L2(double l2 = 0.01);  ///< Keras's default factor
};
/// l1·Σ|w| + l2·Σw².
struct L1L2 : Regularizer {
  explicit L1L2(double l1 = 0.0, double l2 = 0.0);  ///< Keras's class defaults: no penalty
};

/// The names Regularizer(name) knows, sorted.
std::vector<std::string> regularizer_names();

}  // namespace nn
