#include "lib/linear/sgd_classifier.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "lib/error.h"
#include "lib/random.h"

namespace nn {
namespace {

// The losses, written in the margin z = t·p. Each derivative is taken with respect to p.
double perceptron_loss(double p, double t) { return std::max(0.0, -t * p); }
double perceptron_dloss(double p, double t) { return t * p <= 0.0 ? -t : 0.0; }

double hinge_loss(double p, double t) { return std::max(0.0, 1.0 - t * p); }
double hinge_dloss(double p, double t) { return t * p <= 1.0 ? -t : 0.0; }

double log_loss(double p, double t) {
  const double z = t * p;  // log(1 + e^-z), written so that neither branch overflows
  return z > 0.0 ? std::log1p(std::exp(-z)) : -z + std::log1p(std::exp(z));
}
double log_dloss(double p, double t) { return -t / (1.0 + std::exp(t * p)); }

// scikit-learn clips huge derivatives so that one wild row cannot blow up the weights.
constexpr double kMaxDloss = 1e12;

}  // namespace

MarginLoss margin_loss(const std::string& name) {
  if (name == "perceptron") return {name, perceptron_loss, perceptron_dloss};
  if (name == "hinge") return {name, hinge_loss, hinge_dloss};
  if (name == "log_loss") return {name, log_loss, log_dloss};
  throw ValueError("SgdClassifier: no loss '" + name + "' (known: perceptron, hinge, log_loss)");
}

SgdClassifier::SgdClassifier(SgdOptions options)
    : SgdClassifier(margin_loss(options.loss), options) {}

SgdClassifier::SgdClassifier(MarginLoss loss, SgdOptions options)
    : options_(std::move(options)), loss_(std::move(loss)) {
  if (options_.learning_rate != "constant") {
    throw ValueError("SgdClassifier: no learning_rate '" + options_.learning_rate +
                     "' (known: constant)");
  }
}

SgdClassifier& SgdClassifier::fit(const Tensor& x, const Labels& y) {
  const std::vector<double> targets = start_fit(x, y, "SgdClassifier");  // t: +1 or -1
  const std::size_t n = x.shape()[0], features = x.shape()[1];
  const double eta = options_.eta0;
  Rng rng(options_.random_state);
  NoImprovementStop stop(options_.tol, options_.n_iter_no_change, n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});

  for (int epoch = 1; epoch <= options_.max_iter; ++epoch) {
    if (options_.shuffle) order = rng.permutation(n);
    double epoch_loss = 0.0;
    for (std::size_t i : order) {
      const double p = raw_score(x, i);  // w·x + b
      epoch_loss += loss_.loss(p, targets[i]);
      const double g = std::clamp(loss_.dloss(p, targets[i]), -kMaxDloss, kMaxDloss);
      // A gradient step: d loss/dw = g·x, d loss/db = g, d penalty/dw = alpha·w.
      if (options_.alpha > 0.0) {
        const double shrink = std::max(0.0, 1.0 - eta * options_.alpha);
        for (double& w : w_) w *= shrink;
      }
      const double update = -eta * g;
      if (update == 0.0) continue;
      for (std::size_t j = 0; j < features; ++j) w_[j] += update * static_cast<double>(x(i, j));
      b_ += update;
    }
    n_iter_ = epoch;
    check_finite(epoch, "SgdClassifier");
    if (stop.should_stop(epoch_loss)) {
      converged_ = true;
      break;
    }
  }
  return *this;
}

}  // namespace nn
