#include "lib/callbacks/lr_finder.h"

#include <cmath>
#include <limits>
#include <string>

#include "lib/error.h"
#include "lib/models/model.h"

namespace nn {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_beta(const std::string& who, double beta) {
  if (!(beta >= 0.0 && beta < 1.0)) {
    throw ValueError(who + ": beta must be in [0, 1), got " + std::to_string(beta));
  }
}

}  // namespace

double exponential_learning_rate(double min_lr, double max_lr, int steps, int i) {
  if (!(min_lr > 0.0 && max_lr > min_lr && std::isfinite(max_lr)) || steps < 2) {
    throw ValueError("exponential_learning_rate: needs 0 < min_lr < max_lr and steps >= 2, got " +
                     std::to_string(min_lr) + ", " + std::to_string(max_lr) + ", " +
                     std::to_string(steps));
  }
  // In logs the sweep is a straight line: log lr_i = log min_lr + i/(steps − 1)·log(max/min).
  return min_lr * std::exp(std::log(max_lr / min_lr) * i / (steps - 1));
}

std::vector<double> smooth_losses(const std::vector<double>& losses, double beta) {
  check_beta("smooth_losses", beta);
  std::vector<double> smoothed;
  double average = 0.0, correction = 1.0;  // correction = β^n
  for (double loss : losses) {
    if (std::isnan(loss)) {
      smoothed.push_back(kNaN);
      continue;
    }
    average = beta * average + (1.0 - beta) * loss;
    correction *= beta;
    smoothed.push_back(average / (1.0 - correction));
  }
  return smoothed;
}

LRFinder::LRFinder(LRFinderOptions options)
    : options_(options),
      factor_(exponential_learning_rate(options.min_lr, options.max_lr, options.steps, 1) /
              options.min_lr) {
  check_beta("LRFinder", options_.beta);
  if (options_.stop_factor < 0.0) throw ValueError("LRFinder: stop_factor must be >= 0");
}

void LRFinder::on_train_begin(Logs&) {
  rates_.clear();
  losses_.clear();
  average_ = best_ = 0.0;
  averaged_ = 0;
  exploded_ = false;
  model()->optimizer().set_learning_rate(options_.min_lr);
}

void LRFinder::on_epoch_begin(int, Logs&) { previous_mean_ = 0.0; }

void LRFinder::on_batch_end(int batch, Logs& logs) {
  const double mean = logs.at("loss");
  const bool last_of_several = batch > 0 && batch == params().steps - 1;
  const double loss = last_of_several ? kNaN : (batch + 1) * mean - batch * previous_mean_;
  previous_mean_ = mean;
  rates_.push_back(model()->optimizer().learning_rate());
  losses_.push_back(loss);

  if (!std::isfinite(mean)) {  // a NaN or infinite loss: the sweep has gone too far
    exploded_ = true;
    model()->stop_training = true;
    return;
  }
  if (!std::isnan(loss)) {
    average_ = options_.beta * average_ + (1.0 - options_.beta) * loss;
    const double smoothed = average_ / (1.0 - std::pow(options_.beta, ++averaged_));
    if (averaged_ == 1 || smoothed < best_) best_ = smoothed;
    if (options_.stop_factor > 0.0 && smoothed > options_.stop_factor * best_) {
      exploded_ = true;
      model()->stop_training = true;
      return;
    }
  }
  if (static_cast<int>(rates_.size()) >= options_.steps) {
    model()->stop_training = true;
    return;
  }
  // The next rate from the formula, not by repeated multiplication: no rounding drift.
  model()->optimizer().set_learning_rate(exponential_learning_rate(
      options_.min_lr, options_.max_lr, options_.steps, static_cast<int>(rates_.size())));
}

}  // namespace nn
