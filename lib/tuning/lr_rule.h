#pragma once
// The rule that turns a learning-rate finder's curve into a learning rate. The loss falls
// faster and faster as the rate grows, bottoms out, then climbs and explodes. The bottom is
// already too fast to train with: the network is at the edge of divergence there. The rule:
// smooth the curve, find the rate at its lowest point, and divide it by about ten.

#include <cstddef>
#include <vector>

namespace nn::tuning {

/// What the rule read off a finder's curve.
struct LearningRatePick {
  double min_loss_rate = 0.0;    ///< the rate at the smoothed loss's minimum
  double rate = 0.0;             ///< min_loss_rate / divisor: the rate to train with
  std::size_t index = 0;         ///< the batch of the minimum
  double min_loss = 0.0;         ///< the smoothed loss there
  std::vector<double> smoothed;  ///< the smoothed curve (NaN where the loss was NaN)
};

/// Smooths `losses` with nn::smooth_losses(losses, beta) and picks the rate at the minimum
/// divided by `divisor`. NaN losses are skipped. ValueError if the lists differ in length, hold
/// no finite loss, or if divisor <= 0.
LearningRatePick pick_learning_rate(const std::vector<double>& rates,
                                    const std::vector<double>& losses, double divisor = 10.0,
                                    double beta = 0.9);

}  // namespace nn::tuning
