// Mistake: the step on W1 goes up the slope (W1 += rate * slope)
#include "exercises/02_backprop/sigmoid_vs_step.h"

#include "lib/nn.h"

namespace exercises {

namespace {

// Mean over the n rows of (y - t)^2, accumulated in double.
double mean_squared_error(const nn::Tensor& y, const nn::Tensor& t) {
  double sum = 0.0;
  for (std::size_t r = 0; r < y.shape(0); ++r) {
    const double e = double(y(r, 0)) - double(t(r, 0));
    sum += e * e;
  }
  return sum / static_cast<double>(y.shape(0));
}

}  // namespace

double mlp_loss(const TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                const nn::Tensor& t) {
  const nn::NoGradGuard no_tape;  // values only
  const nn::Parameter W1("W1", net.W1), b1("b1", net.b1), W2("W2", net.W2), b2("b2", net.b2);
  const nn::Var h = nn::activation_by_name(hidden)(nn::dense(nn::Var(x), W1, &b1));  // (n, units)
  const nn::Var y = nn::sigmoid(nn::dense(h, W2, &b2));                              // (n, 1)
  return mean_squared_error(y.value(), t);
}

nn::Tensor hidden_slopes(const TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                         const nn::Tensor& t, double h) {
  TinyMlp nudged = net;  // our own copy to nudge
  nn::Tensor slopes = nn::Tensor::from_shape(net.W1.shape());
  for (std::size_t k = 0; k < net.W1.size(); ++k) {
    const float saved = nudged.W1.data()[k];
    nudged.W1.data()[k] = static_cast<float>(saved + h);
    const double up = mlp_loss(nudged, hidden, x, t);
    nudged.W1.data()[k] = static_cast<float>(saved - h);
    const double down = mlp_loss(nudged, hidden, x, t);
    nudged.W1.data()[k] = saved;
    slopes.data()[k] = static_cast<float>((up - down) / (2.0 * h));
  }
  return slopes;
}

nn::Tensor hidden_slopes_on_tape(const TinyMlp& net, const nn::Tensor& x, const nn::Tensor& t) {
  const nn::Parameter W1("W1", net.W1), b1("b1", net.b1), W2("W2", net.W2), b2("b2", net.b2);
  const nn::Var h = nn::sigmoid(nn::dense(nn::Var(x), W1, &b1));  // (n, units)
  const nn::Var y = nn::sigmoid(nn::dense(h, W2, &b2));           // (n, 1)
  nn::MeanSquaredError()(t, y).backward();
  return W1.grad();
}

std::vector<double> train_hidden_layer(TinyMlp& net, const std::string& hidden, const nn::Tensor& x,
                                       const nn::Tensor& t, double rate, int steps, double h) {
  std::vector<double> losses{mlp_loss(net, hidden, x, t)};
  for (int step = 0; step < steps; ++step) {
    const nn::Tensor slopes = hidden_slopes(net, hidden, x, t, h);
    net.W1 += static_cast<float>(rate) * slopes;
    losses.push_back(mlp_loss(net, hidden, x, t));
  }
  return losses;
}

}  // namespace exercises
