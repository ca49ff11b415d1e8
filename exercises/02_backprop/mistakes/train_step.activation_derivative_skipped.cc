// Mistake: forgets the hidden sigmoid's derivative: dz1 = dh.
#include "exercises/02_backprop/train_step.h"

#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>

#include "lib/activations.h"
#include "lib/layers/dense.h"

namespace exercises {

double train_step(TwoLayerNetwork& net, const nn::Tensor& x, const nn::Tensor& t, float eta) {
  const std::size_t batch = x.shape(0);
  if (x.shape(1) != net.W1.shape(0)) {
    throw nn::ShapeError("train_step: x " + nn::shape_string(x) + " does not fit W1 " +
                         nn::shape_string(net.W1));
  }
  if (t.shape(0) != batch || t.shape(1) != net.W2.shape(1)) {
    throw nn::ShapeError("train_step: t " + nn::shape_string(t) + " does not fit x " +
                         nn::shape_string(x) + " and W2 " + nn::shape_string(net.W2));
  }
  // Forward.
  nn::Tensor z1 = nn::Tensor::from_shape({batch, net.W1.shape(1)});
  nn::dense_forward(x, net.W1, &net.b1, z1);
  const nn::Tensor h = nn::sigmoid(z1);  // (batch, hidden)
  nn::Tensor z2 = nn::Tensor::from_shape({batch, net.W2.shape(1)});
  nn::dense_forward(h, net.W2, &net.b2, z2);
  const nn::Tensor y = nn::sigmoid(z2);  // (batch, out)
  const double loss = xt::mean(xt::square(y - t))();

  // Backward.
  const float n = static_cast<float>(t.size());
  const nn::Tensor dz2 = 2.0f * (y - t) / n * y * (1.0f - y);
  nn::Tensor dW2 = xt::zeros_like(net.W2), db2 = xt::zeros_like(net.b2), dh = xt::zeros_like(h);
  nn::dense_backward(h, net.W2, dz2, &dW2, &db2, &dh);
  const nn::Tensor dz1 = dh;
  nn::Tensor dW1 = xt::zeros_like(net.W1), db1 = xt::zeros_like(net.b1);
  nn::dense_backward(x, net.W1, dz1, &dW1, &db1, nullptr);

  // One step of gradient descent.
  xt::noalias(net.W1) -= eta * dW1;
  xt::noalias(net.b1) -= eta * db1;
  xt::noalias(net.W2) -= eta * dW2;
  xt::noalias(net.b2) -= eta * db2;
  return loss;
}

}  // namespace exercises
