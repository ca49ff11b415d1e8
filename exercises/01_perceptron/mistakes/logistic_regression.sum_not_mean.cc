// Mistake: the gradient is the sum over the rows, not the mean (the step grows with n)
#include "exercises/01_perceptron/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace exercises {

namespace {

double score(const LogisticModel& model, const std::vector<double>& row) {
  if (row.size() != model.w.size()) {
    throw std::invalid_argument("a row has " + std::to_string(row.size()) + " features, the " +
                                "model " + std::to_string(model.w.size()) + " weights");
  }
  double z = model.b;
  for (std::size_t j = 0; j < row.size(); ++j) z += model.w[j] * row[j];
  return z;
}

void check_labels(const Rows& x, const std::vector<int>& y) {
  if (x.size() != y.size()) {
    throw std::invalid_argument(std::to_string(x.size()) + " rows but " + std::to_string(y.size()) +
                                " labels");
  }
}

// log(1 + e^t) without overflow.
double softplus(double t) { return std::max(t, 0.0) + std::log1p(std::exp(-std::abs(t))); }

}  // namespace

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);  // small: no overflow
  return e / (1.0 + e);
}

std::vector<double> predict_proba(const LogisticModel& model, const Rows& x) {
  std::vector<double> p;
  p.reserve(x.size());
  for (const std::vector<double>& row : x) p.push_back(sigmoid(score(model, row)));
  return p;
}

double log_loss(const LogisticModel& model, const Rows& x, const std::vector<int>& y) {
  check_labels(x, y);
  double total = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double z = score(model, x[i]);
    total += y[i] == 1 ? softplus(-z) : softplus(z);
  }
  return x.empty() ? 0.0 : total / static_cast<double>(x.size());
}

LogisticModel fit_logistic(const Rows& x, const std::vector<int>& y, double eta, int epochs) {
  check_labels(x, y);
  LogisticModel model{std::vector<double>(x.empty() ? 0 : x[0].size(), 0.0), 0.0};
  for (int epoch = 0; epoch < epochs; ++epoch) {
    const std::vector<double> p = predict_proba(model, x);  // all from the same weights
    std::vector<double> dw(model.w.size(), 0.0);
    double db = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double error = p[i] - y[i];
      for (std::size_t j = 0; j < dw.size(); ++j) dw[j] += error * x[i][j];
      db += error;
    }
    for (std::size_t j = 0; j < dw.size(); ++j) model.w[j] -= eta * dw[j];
    model.b -= eta * db;
  }
  return model;
}

}  // namespace exercises
