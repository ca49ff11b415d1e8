#include "exercises/01_perceptron/logistic_regression.h"

namespace exercises {

double sigmoid(double z) {
  // TODO: 1 / (1 + e^-z), written so that neither exponential overflows.
  return z >= 0 ? 1.0 : 0.0;
}

std::vector<double> predict_proba(const LogisticModel& model, const Rows& x) {
  // TODO: check each row's length, then sigmoid(w . x_i + b) for every row.
  (void)model;
  return std::vector<double>(x.size(), 0.5);
}

double log_loss(const LogisticModel& model, const Rows& x, const std::vector<int>& y) {
  // TODO: the mean of log(1 + e^-z) for y = 1 and log(1 + e^z) for y = 0, stably.
  (void)model;
  (void)x;
  (void)y;
  return 0.0;
}

LogisticModel fit_logistic(const Rows& x, const std::vector<int>& y, double eta, int epochs) {
  // TODO: start at zeros; each epoch, compute every p_i with the current weights, then
  // w -= eta * mean((p_i - y_i) x_i) and b -= eta * mean(p_i - y_i).
  (void)y;
  (void)eta;
  (void)epochs;
  return LogisticModel{std::vector<double>(x.empty() ? 0 : x[0].size(), 0.0), 0.0};
}

}  // namespace exercises
