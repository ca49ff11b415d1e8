#include "exercises/01_perceptron/perceptron_to_logistic.h"

namespace exercises {

void online_update(LinearUnit& unit, const std::vector<double>& x, int y, double eta,
                   const std::string& activation) {
  // TODO: z = w . x + b; y_hat = step(z) or sigmoid(z); w += eta (y - y_hat) x;
  // b += eta (y - y_hat). Check the lengths and the activation's name.
  (void)unit;
  (void)x;
  (void)y;
  (void)eta;
  (void)activation;
}

std::vector<LinearUnit> train_online(const std::vector<std::vector<double>>& x,
                                     const std::vector<int>& y, double eta, int epochs,
                                     const std::string& activation) {
  // TODO: from zero weights, `epochs` passes over the rows; keep the unit after each pass.
  (void)y;
  (void)eta;
  (void)activation;
  LinearUnit zero{std::vector<double>(x.empty() ? 0 : x[0].size(), 0.0), 0.0};
  return std::vector<LinearUnit>(epochs > 0 ? epochs : 0, zero);
}

}  // namespace exercises
