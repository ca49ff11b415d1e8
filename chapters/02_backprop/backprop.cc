/// # Backpropagation
///
/// Chapter 1 ended with a network that computes XOR, but we had to wire its hidden units by
/// hand: the perceptron rule knows what the output should have been, and nothing about the
/// units in between. A practical way to train them became widely known only in the 1980s,
/// when David Rumelhart, Geoffrey Hinton and Ronald Williams showed in 1986 what
/// *backpropagation* could do. Every network in the rest of this book learns with it.
///
/// The idea fits in one sentence. Run the network forward on an example and measure the
/// error; then run backwards from the error through every layer, using the chain rule of
/// calculus to work out how much each connection contributed to it; then move every weight
/// a little in the direction that reduces the error. This chapter does that by hand on a
/// network small enough to print, shows how the library automates it with a *tape*, checks
/// the result against plain numerical differentiation, explains why the starting weights
/// must be random, and then lets backpropagation loose on XOR and on the four puzzles of
/// TensorFlow Playground.
///
/// *Sources.* Géron's chapter 10, "The Multilayer Perceptron and Backpropagation" (the
/// reverse pass, the switch from the step to smooth activations, random initialisation,
/// and the suggestion to try TensorFlow Playground), and the article's paragraphs on the
/// same. The worked example, the tape and the experiments are this book's.
///
/// ## From a step to a slope
///
/// Chapter 1 gave the reason the perceptron rule cannot train a hidden layer: the rule
/// needs a target for each unit it updates, and the training data give targets for the
/// output units only. Backpropagation gets around that by giving every unit an *error
/// signal* instead of a target: how much the loss would change if the unit's output moved a
/// little. That signal is computed with the chain rule, unit by unit, and so it contains the
/// slope of every activation function on the way. Here the TLU's step function fails a
/// second time: it is flat everywhere except at zero, where it jumps, so its derivative is
/// zero wherever it exists. Any error signal that passes through a step is multiplied by
/// zero, and the weights before it would never learn anything.
///
/// The fix is to replace the step by a smooth function with a similar shape. Three are in
/// common use:
///
/// \f[ \sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \tanh(z) = 2\sigma(2z) - 1, \qquad
///     \operatorname{ReLU}(z) = \max(0, z), \f]
///
/// with derivatives
///
/// \f[ \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr), \qquad \tanh'(z) = 1 - \tanh^2(z),
///     \qquad \operatorname{ReLU}'(z) = \begin{cases} 0 & z < 0 \\ 1 & z > 0. \end{cases} \f]
///
/// The logistic function \f$\sigma\f$ is a soft step from 0 to 1; the hyperbolic tangent is
/// the same curve stretched to run from −1 to 1, centred on zero, which tends to help the
/// next layer; ReLU is not smooth at zero, but it has a slope of 1 wherever it is positive,
/// is very cheap, and is the usual choice in deep networks. The derivatives of the first two
/// can be computed from the function's *output* alone, which the backward pass will use:
/// the forward pass has already computed \f$y = \sigma(z)\f$, and \f$\sigma'(z) = y(1-y)\f$.
///
/// The library can draw the derivatives for us: each of its activations, applied to a
/// `nn::Var` on the tape, knows how to push a gradient back, and the gradient of
/// \f$\sum_k f(z_k)\f$ with respect to \f$z_k\f$ is \f$f'(z_k)\f$:
// book:hide
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "lib/chapter/chapter.h"
#include "lib/data/fashion_mnist.h"
#include "lib/data/playground.h"
#include "lib/data/scaler.h"
#include "lib/data/split.h"
#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"
#include "lib/random.h"

namespace {

const nn::Tensor kXorX = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};  // (4, 2)
const nn::Labels kXorY = {0, 1, 1, 0};                      // (4,): x1 XOR x2

// "(0.6000, -0.2500)" for a row, "[[0.2, -0.3], [0.4, 0.1]]" for a matrix.
std::string show(const nn::Tensor& t, int digits = 4) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits);
  const bool row = t.shape(0) == 1;
  out << (row ? "(" : "[");
  for (std::size_t i = 0; i < t.shape(0); ++i) {
    if (i > 0) out << ", ";
    if (!row) out << "[";
    for (std::size_t j = 0; j < t.shape(1); ++j) out << (j > 0 ? ", " : "") << t(i, j);
    if (!row) out << "]";
  }
  out << (row ? ")" : "]");
  return out.str();
}

double max_abs_difference(const nn::Tensor& a, const nn::Tensor& b) {
  return a.size() == 0 ? 0.0 : static_cast<double>(xt::amax(xt::abs(a - b))());
}

std::vector<double> to_vector(const nn::Tensor& t) { return {t.begin(), t.end()}; }

// Text broken into lines of at most `width` characters, each after `indent`.
std::string wrap(const std::string& text, const std::string& indent = "  ",
                 std::size_t width = 88) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + indent + line + "\n";
}
// book:show

// f'(z) at every point of z (1, n), from the tape: y = f(z), then back from Σ y.
nn::Tensor derivative(nn::ActivationFn f, const nn::Tensor& z) {
  const nn::Var input(z, /*requires_grad=*/true);
  nn::weighted_sum(f(input), xt::ones_like(z)).backward();  // ∂(Σ_k y_k)/∂z_k = f'(z_k)
  return input.grad();
}

/// \figure{activations.svg}{Left: the step function of chapter 1 and three smooth activations.
/// Right: their derivatives, computed by the library's backward passes. The step's derivative is
/// zero wherever it exists, so no gradient can pass through it}
///
/// The figure shows what gradient descent sees. Through a sigmoid the slope is never zero,
/// but it is at most 0.25 (at \f$z = 0\f$) and it fades quickly for large \f$|z|\f$: a unit
/// whose sum is far from zero is *saturated* and passes back very little. The hyperbolic
/// tangent's slope reaches 1 at zero, four times the sigmoid's. ReLU passes gradients
/// unchanged wherever a unit is active and not at all where it is silent. The library's
/// step function refuses to take part:
///
/// \output{activations}
// book:hide
void show_activations(nn::chapter::Context& chapter) {
  auto& out = chapter.section("activations", "The step has no gradient; smooth activations do");
  const std::size_t points = 401;
  const nn::Tensor z = xt::expand_dims(xt::linspace<float>(-4.0f, 4.0f, points), 0);  // (1, n)
  struct Curve {
    std::string name;
    nn::ActivationFn f;
    std::string color;
  };
  const std::vector<Curve> curves = {{"sigmoid", &nn::sigmoid, "#0072b2"},
                                     {"tanh", &nn::tanh, "#d55e00"},
                                     {"relu", &nn::relu, "#009e73"}};
  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  auto& left = figure.axes(0, 0);
  auto& right = figure.axes(0, 1);
  const nn::Tensor steps = nn::step(z);
  const nn::Vector zs = xt::row(z, 0);
  left.plot(zs, xt::row(steps, 0), {"step", "#777777", true});
  right.plot(zs, xt::zeros<float>({points}), {"step' = 0 (z ≠ 0)", "#777777", true});
  nlohmann::json slopes;
  for (const Curve& curve : curves) {
    const nn::Tensor y = curve.f(nn::Var(z)).value();
    const nn::Tensor dy = derivative(curve.f, z);
    left.plot(zs, xt::row(y, 0), {curve.name, curve.color});
    right.plot(zs, xt::row(dy, 0), {curve.name + "'", curve.color});
    slopes[curve.name] = dy(0, points / 2);  // the slope at z = 0
  }
  left.ylim(-1.1, 2.1);
  right.ylim(-0.1, 1.1);
  left.title("activation f(z)");
  right.title("derivative f'(z), from the tape");
  for (auto* ax : {&left, &right}) {
    ax->xlabel("z");
    ax->legend("upper left");
  }
  figure.save(chapter.figure("activations.svg"));
  chapter.result("slope_at_zero", slopes);

  out << std::fixed << std::setprecision(2);
  out << "slope at z = 0: sigmoid " << slopes["sigmoid"].get<double>() << ", tanh "
      << slopes["tanh"].get<double>() << ", relu " << slopes["relu"].get<double>()
      << "\n(relu' at exactly 0 is taken as 0, as Keras and PyTorch do)\n";
  try {
    const nn::Var input(z, true);
    nn::weighted_sum(nn::step(input), xt::ones_like(z)).backward();
  } catch (const nn::Error& error) {
    out << "backward through nn::step throws nn::Error:\n" << wrap(error.what());
  }
}
// book:show

/// ## Why the activation must not be linear
///
/// Why not drop the activation altogether, and keep the slope of 1 everywhere? Because a
/// stack of layers without activations is no deeper than one layer. Each layer computes
/// \f$\mathbf{x} W + \mathbf{b}\f$, and composing three of them gives
///
/// \f[ \bigl((\mathbf{x} W_1 + \mathbf{b}_1) W_2 + \mathbf{b}_2\bigr) W_3 + \mathbf{b}_3
///     = \mathbf{x}\,\underbrace{W_1 W_2 W_3}_{W} \;+\;
///     \underbrace{(\mathbf{b}_1 W_2 + \mathbf{b}_2) W_3 + \mathbf{b}_3}_{\mathbf{b}}, \f]
///
/// one matrix and one bias: whatever the depth, a linear network draws the straight
/// boundaries of chapter 1, and XOR stays out of reach. The experiment below builds such a
/// stack, computes its single equivalent layer, and trains it on XOR.
///
/// It is also the first time this chapter lets the library's Keras-style API do the work,
/// so here it is next to Keras, name for name. A model is a list of layers; `compile`
/// chooses the loss, the optimizer and the metrics; `fit` runs the training loop and returns
/// a `History`; `evaluate` and `predict` run the trained model:
///
/// | Keras (Python)                                          | this library (C++) |
/// |---------------------------------------------------------|------------------------------------------------------|
/// | `model = keras.Sequential([layers...])`                 | `nn::Sequential model({layers...});`
/// | | `keras.layers.Dense(8)` (no activation)                 | `nn::Dense(8)` (activation
/// `"linear"`)               | | `model.compile(loss=..., optimizer=..., metrics=[...])` |
/// `model.compile(loss, optimizer, {metrics});`         | | `history = model.fit(x, y, epochs=500,
/// batch_size=4)`   | `nn::History history = model.fit(x, y, {.epochs = 500, .batch_size = 4});` |
/// | `model.evaluate(x, y)`                                  | `model.evaluate(x, y)` (an
/// `nn::Logs` map)           | | `model.predict(x)`                                      |
/// `model.predict(x)` (a `Tensor`)                      | | `history.history["loss"]` |
/// `history.history.at("loss")`                         |
///
/// Keras's keyword arguments to `fit` become the fields of an `nn::FitOptions`, written with
/// C++20's designated initialisers. The last section of this chapter shows a whole Keras
/// program and its C++ translation.
// book:hide
nn::Tensor matmul(const nn::Tensor& a, const nn::Tensor& b) {
  nn::Tensor c = xt::zeros<float>({a.shape(0), b.shape(1)});
  nn::gemm(a, b, c, false, false, 1.0f, 0.0f);
  return c;
}
// book:show
void show_linear_stack(nn::chapter::Context& chapter) {
  nn::set_random_seed(chapter.seed());
  nn::Sequential stack({nn::Dense(8), nn::Dense(8), nn::Dense(1)});  // no activations
  stack.build({2});
  const std::vector<nn::Tensor> w = stack.get_weights();  // W1 (2,8) b1 (1,8) ... W3 (8,1)
  const nn::Tensor W = matmul(matmul(w[0], w[2]), w[4]);  // (2, 1)
  const nn::Tensor b = matmul(matmul(w[1], w[2]) + w[3], w[4]) + w[5];  // (1, 1)
  nn::Rng rng(chapter.seed());
  const nn::Tensor x = rng.normal_tensor(100, 2);  // (100, 2)
  const nn::Tensor one_layer = matmul(x, W) + b;   // (100, 1)
  const double difference = xt::amax(xt::abs(stack.predict(x) - one_layer))();
  // book:hide
  auto& out = chapter.section("linear_stack", "Three Dense layers without activations");
  out << "equivalent single layer: W = " << show(xt::transpose(W)) << "^T, b = " << show(b)
      << "\nlargest difference from the stack's predictions on 100 random inputs: " << difference
      << "\n";
  // book:show
  // The same kind of stack, with a sigmoid on top, trained on XOR.
  nn::Sequential xor_stack({nn::Dense(8), nn::Dense(8), nn::Dense(1, "sigmoid")});
  xor_stack.compile("binary_crossentropy", nn::SGD(0.5), {"accuracy"});
  xor_stack.fit(kXorX, kXorY,
                {.epochs = 500, .batch_size = 4, .seed = chapter.seed(), .verbose = 0});
  const double accuracy = xor_stack.evaluate(kXorX, kXorY, 4, 0).at("accuracy");
  // book:hide
  out << "XOR after 500 epochs: accuracy " << accuracy << " (at most 3 of the 4 cases)\n";
  chapter.result("linear_stack", {{"max_difference", difference}, {"xor_accuracy", accuracy}});
}
// book:show

/// \output{linear_stack}
///
/// The stack and its one-layer equivalent agree to \result{linear_stack.max_difference|.1e},
/// the rounding of 32-bit floats. Trained on XOR for 500 epochs, the linear stack gets
/// \result{linear_stack.xor_accuracy|.0%} of the four cases right: a straight boundary can
/// never have more than three on the right side. Every hidden layer in the rest of the book
/// therefore has a non-linear activation.
///
/// ## A tiny network, by hand
///
/// Here is the smallest network that has everything: two inputs, a hidden layer of two
/// units and one output unit, all of them sigmoids. It has nine parameters: a weight for
/// each of the six connections and a bias for each of the three units. We write the
/// weights of a layer as a matrix with one row per input and one column per unit, so that
/// \f$W_{ij}\f$ joins input \f$i\f$ to unit \f$j\f$, and the inputs of a batch as rows.
/// Then a whole layer is one matrix product:
///
/// \f[ \mathbf{z}_1 = \mathbf{x} W_1 + \mathbf{b}_1, \quad \mathbf{h} = \sigma(\mathbf{z}_1),
///     \qquad z_2 = \mathbf{h} W_2 + b_2, \quad \hat{y} = \sigma(z_2), \qquad
///     L = (\hat{y} - t)^2. \f]
///
/// The loss is the squared error between the prediction \f$\hat{y}\f$ and the target
/// \f$t\f$ (for a batch, its mean over the rows: Keras's `mean_squared_error`). We choose
/// the weights ourselves, and one example, \f$\mathbf{x} = (0.5, 1)\f$ with target 1, so
/// that every number can be followed:
// book:hide
const nn::Tensor kX = {{0.5f, 1.0f}};  // (1, 2): one example
const nn::Tensor kT = {{1.0f}};        // (1, 1): its target
// book:show

struct TinyNetwork {
  nn::Tensor W1 = {{0.2f, -0.3f}, {0.4f, 0.1f}};  // (2, 2): W1(i, j) joins input i to unit j
  nn::Tensor b1 = {{0.1f, -0.2f}};                // (1, 2)
  nn::Tensor W2 = {{0.6f}, {-0.5f}};              // (2, 1): W2(j, 0) joins unit j to the output
  nn::Tensor b2 = {{0.05f}};                      // (1, 1)
};

// What the forward pass computes, kept for the backward pass.
struct ForwardPass {
  nn::Tensor z1, h;  // (batch, 2): the hidden units' sums and outputs
  nn::Tensor z2, y;  // (batch, 1): the output unit's sum and output, the prediction
  float loss = 0;    // the mean squared error
};

ForwardPass forward(const TinyNetwork& net, const nn::Tensor& x, const nn::Tensor& t) {
  ForwardPass f;
  f.z1 = nn::Tensor::from_shape({x.shape(0), 2});
  nn::dense_forward(x, net.W1, &net.b1, f.z1);  // z1 = x·W1 + b1
  f.h = nn::sigmoid(f.z1);                      // h = σ(z1)
  f.z2 = nn::Tensor::from_shape({x.shape(0), 1});
  nn::dense_forward(f.h, net.W2, &net.b2, f.z2);  // z2 = h·W2 + b2
  f.y = nn::sigmoid(f.z2);                        // ŷ = σ(z2)
  f.loss = xt::mean(xt::square(f.y - t))();       // L = mean of (ŷ − t)²
  return f;
}

/// `nn::dense_forward` is the library's dense layer on plain tensors: it copies the bias
/// into every row of \f$\mathbf{z}\f$ and adds \f$\mathbf{x}W\f$ with one call to BLAS's
/// matrix product. The forward pass:
///
/// \output{forward}
///
/// The network answers \f$\hat{y} =\f$ \result{tiny.prediction|.4f} where it should say 1,
/// a loss of \result{tiny.loss|.4f}. Now the question backpropagation answers: which of the
/// nine parameters is to blame, and by how much?
// book:hide
void show_forward(nn::chapter::Context& chapter, const TinyNetwork& net, const ForwardPass& f) {
  auto& out = chapter.section("forward", "The forward pass of the 2-2-1 network");
  out << "input      x = " << show(kX, 2) << ", target t = " << kT(0, 0) << "\n";
  out << "weights    W1 = " << show(net.W1, 2) << ", b1 = " << show(net.b1, 2) << "\n";
  out << "           W2 = " << show(net.W2, 2) << ", b2 = " << show(net.b2, 2) << "\n";
  out << "hidden     z1 = x·W1 + b1 = " << show(f.z1) << "\n";
  out << "           h  = σ(z1)     = " << show(f.h) << "\n";
  out << "output     z2 = h·W2 + b2 = " << show(f.z2) << "\n";
  out << "           ŷ  = σ(z2)     = " << show(f.y) << "\n";
  out << std::fixed << std::setprecision(4);
  out << "loss       L  = (ŷ − t)²  = " << f.loss << "\n";
  chapter.result("tiny", {{"prediction", f.y(0, 0)},
                          {"loss", f.loss},
                          {"hidden", to_vector(f.h)},
                          {"z1", to_vector(f.z1)}});
}
// book:show

/// ### The backward pass: the chain rule, one layer at a time
///
/// The loss depends on a weight only through the unit that the weight feeds, and on that
/// unit only through the units after it. The chain rule turns this chain of dependencies
/// into a product of local slopes. Start at the end:
///
/// \f[ \frac{\partial L}{\partial \hat{y}} = 2(\hat{y} - t), \qquad
///     \delta_2 = \frac{\partial L}{\partial z_2} = \frac{\partial L}{\partial \hat{y}}\,
///     \sigma'(z_2) = 2(\hat{y} - t)\,\hat{y}(1 - \hat{y}). \f]
///
/// \f$\delta_2\f$ is the output unit's *error signal*: how much the loss would change per
/// unit of change in the unit's sum. Every quantity that enters the sum \f$z_2 = h_1 W_{2,1}
/// + h_2 W_{2,2} + b_2\f$ is now one step away. The slope of \f$z_2\f$ with respect to the
/// weight \f$W_{2,j}\f$ is the signal \f$h_j\f$ that travelled along that connection, so
///
/// \f[ \frac{\partial L}{\partial W_{2,j}} = h_j\,\delta_2, \qquad
///     \frac{\partial L}{\partial b_2} = \delta_2, \qquad
///     \frac{\partial L}{\partial h_j} = W_{2,j}\,\delta_2. \f]
///
/// This is the heart of backpropagation: *a connection's share of the error is the signal
/// that went forward through it times the error signal that comes back to its end*. A
/// connection that carried nothing (\f$h_j = 0\f$) gets no blame; a unit that the output
/// barely listens to (\f$W_{2,j}\f$ small) receives little error. The last formula is what
/// makes the method work for hidden units: it tells each hidden unit how much of the
/// error is its own, and from there the same two steps repeat one layer down:
///
/// \f[ \delta_{1,j} = \frac{\partial L}{\partial h_j}\,\sigma'(z_{1,j})
///     = \frac{\partial L}{\partial h_j}\, h_j (1 - h_j), \qquad
///     \frac{\partial L}{\partial W_{1,ij}} = x_i\,\delta_{1,j}, \qquad
///     \frac{\partial L}{\partial b_{1,j}} = \delta_{1,j}. \f]
///
/// For a whole layer and a whole batch of \f$N\f$ rows, with \f$\mathbf{z} = \mathbf{x}W +
/// \mathbf{b}\f$ and \f$\delta = \partial L / \partial \mathbf{z}\f$ of shape (N, units),
/// the sums over rows and units become matrix products. Since \f$z_{nj} = \sum_i x_{ni}
/// W_{ij} + b_j\f$:
///
/// \f[ \frac{\partial L}{\partial W_{ij}} = \sum_n x_{ni}\,\delta_{nj}
///     \;\Rightarrow\; \frac{\partial L}{\partial W} = \mathbf{x}^\top \delta, \qquad
///     \frac{\partial L}{\partial b_j} = \sum_n \delta_{nj}, \f]
///
/// \f[ \frac{\partial L}{\partial x_{ni}} = \sum_j \delta_{nj} W_{ij}
///     \;\Rightarrow\; \frac{\partial L}{\partial \mathbf{x}} = \delta\, W^\top. \f]
///
/// A weight's gradient adds up the blame from every example in the batch; the input's
/// gradient sends each row's error back through the same weights, transposed. These three
/// lines are the library's `nn::dense_backward` (in `lib/layers/dense.cc`): two matrix
/// products, each a single BLAS call that reads \f$\mathbf{x}\f$ or \f$W\f$ transposed in
/// place, and a sum over rows, all *added* into the gradients they are given. The backward
/// pass of our network, written with it:

// ∂L/∂(everything), from the output back to the first layer.
struct BackwardPass {
  nn::Tensor delta2, dh, delta1;  // (batch, 1), (batch, 2), (batch, 2): ∂L/∂z2, ∂L/∂h, ∂L/∂z1
  nn::Tensor dW1, db1, dW2, db2;  // the shapes of W1, b1, W2, b2
};

BackwardPass backward(const TinyNetwork& net, const nn::Tensor& x, const nn::Tensor& t,
                      const ForwardPass& f) {
  BackwardPass g;
  const float n = static_cast<float>(t.size());
  const nn::Tensor dy = 2.0f * (f.y - t) / n;  // ∂L/∂ŷ
  g.delta2 = dy * f.y * (1.0f - f.y);          // ∂L/∂z2 = ∂L/∂ŷ · σ'(z2)
  g.dW2 = xt::zeros_like(net.W2);
  g.db2 = xt::zeros_like(net.b2);
  g.dh = xt::zeros_like(f.h);
  nn::dense_backward(f.h, net.W2, g.delta2, &g.dW2, &g.db2, &g.dh);  // hᵀ·δ2, Σ δ2, δ2·W2ᵀ
  g.delta1 = g.dh * f.h * (1.0f - f.h);  // ∂L/∂z1 = ∂L/∂h ⊙ σ'(z1)
  g.dW1 = xt::zeros_like(net.W1);
  g.db1 = xt::zeros_like(net.b1);
  nn::dense_backward(x, net.W1, g.delta1, &g.dW1, &g.db1, nullptr);  // xᵀ·δ1, Σ δ1
  return g;
}

/// \output{backward}
///
/// Read the output from the top down to follow the error backwards through the network. The output
/// is too low, so \f$\delta_2\f$ is negative and every weight into the output unit should grow in
/// proportion to the signal it carried. Hidden unit 1 feeds the output through a positive
/// weight, so it too should have been larger; hidden unit 2 feeds it through a negative
/// weight, so it should have been smaller, and its error signal has the opposite sign. The
/// input \f$x_2 = 1\f$ is twice \f$x_1 = 0.5\f$, and the weights leaving it get twice the
/// blame. The largest gradient, \result{tiny_backward.largest_gradient.value|.4f}, belongs to
/// \result{tiny_backward.largest_gradient.name}.
// book:hide
void show_backward(nn::chapter::Context& chapter, const ForwardPass& f, const BackwardPass& g) {
  auto& out = chapter.section("backward", "The backward pass: each connection's share");
  out << std::fixed << std::setprecision(4);
  const float dy = 2.0f * (f.y(0, 0) - kT(0, 0));
  out << "output unit    ∂L/∂ŷ = 2(ŷ − t) = " << dy << "\n";
  out << "               δ2 = ∂L/∂ŷ · ŷ(1 − ŷ) = " << g.delta2(0, 0) << "\n";
  out << "\nconnection      forward signal × error signal = gradient\n";
  std::string largest_name;
  double largest = 0;
  auto row = [&](const std::string& name, float signal, float delta, float gradient) {
    out << "  " << std::left << std::setw(13) << name << std::right << std::setw(8) << signal
        << "   × " << std::setw(8) << delta << "     = " << std::setw(8) << gradient << "\n";
    if (std::abs(gradient) > largest) largest = std::abs(gradient), largest_name = name;
  };
  for (std::size_t j = 0; j < 2; ++j) {
    row("h" + std::to_string(j + 1) + " → ŷ", f.h(0, j), g.delta2(0, 0), g.dW2(j, 0));
  }
  row("bias → ŷ", 1.0f, g.delta2(0, 0), g.db2(0, 0));
  out << "\nhidden units   ∂L/∂h = δ2·W2ᵀ = " << show(g.dh) << "\n";
  out << "               δ1 = ∂L/∂h ⊙ h(1 − h) = " << show(g.delta1) << "\n";
  out << "\nconnection      forward signal × error signal = gradient\n";
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t j = 0; j < 2; ++j) {
      row("x" + std::to_string(i + 1) + " → h" + std::to_string(j + 1), kX(0, i), g.delta1(0, j),
          g.dW1(i, j));
    }
  }
  for (std::size_t j = 0; j < 2; ++j) {
    row("bias → h" + std::to_string(j + 1), 1.0f, g.delta1(0, j), g.db1(0, j));
  }
  chapter.result("tiny_backward",
                 {{"delta2", g.delta2(0, 0)},
                  {"delta1", to_vector(g.delta1)},
                  {"dW1", to_vector(g.dW1)},
                  {"db1", to_vector(g.db1)},
                  {"dW2", to_vector(g.dW2)},
                  {"db2", to_vector(g.db2)},
                  {"largest_gradient", {{"name", largest_name}, {"value", largest}}}});
}
// book:show

/// ## The tape: backpropagation without the paperwork
///
/// Writing a backward pass by hand for every network would be slow and easy to get wrong.
/// But look at what we did: each step of the backward pass undid one step of the forward
/// pass, in reverse order, and needed only that step's inputs, its output and the gradient
/// arriving from above. So a program can do it for us, if the forward pass leaves behind
/// a record of what it did. That record is the *tape*, and the technique is *reverse-mode
/// automatic differentiation*.
///
/// In the library (`lib/var.h`), every value computed on the tape is an `nn::Var`: a
/// handle to a node that holds the value, a gradient, the nodes it was computed from, and
/// a *backward closure*, a small function that knows this one operation's local derivative.
/// When an operation such as `nn::dense` or `nn::sigmoid` runs, it computes its output as
/// usual and creates a node with `Var::from_op(value, parents, name, closure)`. The
/// closure receives the output \f$y\f$ and the gradient \f$dy = \partial L / \partial y\f$
/// and adds its inputs' shares into their gradients: for the sigmoid,
/// \f$dz \mathrel{+}= dy \odot y \odot (1 - y)\f$; for a dense layer, the three products
/// above. Nothing else is needed: the same network, written for the tape, is just its
/// forward pass:

// The weights as Parameters: leaves of the tape that ask for a gradient, as the input does not.
struct TapeNetwork {
  nn::Parameter W1, b1, W2, b2;
  explicit TapeNetwork(const TinyNetwork& net)
      : W1{"W1", net.W1}, b1{"b1", net.b1}, W2{"W2", net.W2}, b2{"b2", net.b2} {}
  std::vector<nn::Parameter*> parameters() { return {&W1, &b1, &W2, &b2}; }
};

nn::Var tape_loss(TapeNetwork& net, const nn::Tensor& x, const nn::Tensor& t) {
  const nn::Var input(x);                                            // a leaf: (batch, 2)
  const nn::Var h = nn::sigmoid(nn::dense(input, net.W1, &net.b1));  // (batch, 2)
  const nn::Var y = nn::sigmoid(nn::dense(h, net.W2, &net.b2));      // (batch, 1)
  return nn::MeanSquaredError()(t, y);                               // (1, 1)
}

/// `loss.backward()` does the rest. It sets \f$\partial L / \partial L = 1\f$, collects
/// every node that the loss depends on, and calls their closures *newest first*. Since a
/// node is always created after its inputs, every node that used a value has pushed its
/// share back before that value's own closure runs: each gradient is complete before it
/// is passed further down. Here is the tape that `tape_loss` leaves behind, and what
/// `backward()` does with it:
///
/// \output{tape}
///
/// The tape holds whole layers, not single numbers: \result{tape_nodes} nodes for our network,
/// and no more if each layer had millions of weights. The weights are nodes too: leaves, as
/// the input is, listed among a dense node's inputs. The difference is that a weight (an
/// `nn::Parameter`) asks for a gradient and the input does not, so `backward()` fills
/// `W1.grad()` exactly as it would fill the gradient of any leaf that asked, and an optimizer
/// reads it from there. The input `x` asks for none, so the first dense node does not compute
/// \f$\delta_1 W_1^\top\f$ at all.
///
/// The tape's gradients equal ours to the last bit (largest difference
/// \result{tape_vs_hand_max_difference}): they are the same arithmetic in the same order.
/// Reverse mode is what makes training affordable. One backward pass, which costs about
/// twice as much as the forward pass (a dense layer does one matrix product forward and
/// two backward), gives the derivative of the loss with respect to *every* parameter at
/// once. Forward-mode differentiation, or the finite differences of the next section,
/// would need one or two passes per parameter: hundreds of thousands per step for the
/// network of chapter 4, which has \result{keras_mlp.params|,} parameters.
///
/// ### The tape in the library
///
/// All of this is a few dozen lines of the library, and they read like the text above. First
/// the handle: copies of a `Var` share one node, and `from_op` is how every operation adds a
/// node with its closure. Look at `accumulate_grad`: the first gradient to arrive is stored,
/// later ones are added to it, which is how a value used twice collects both shares.
///
/// \library{lib/var.h}{var}{The handle that every value on the tape is.}
///
/// `backward()` is the procedure described above: a depth-first search collects the nodes the
/// loss depends on, a sort by creation order puts the newest first, and each closure runs once
/// with the complete gradient of its output.
///
/// \library{lib/var.cc}{backward}{Reverse-mode automatic differentiation, the whole of it.}
///
/// A dense layer's op is the forward product \f$z = xW + b\f$ and a closure holding the
/// three products of the backward pass worked out by hand earlier in this chapter:
/// \f$dx = dz\,W^\top\f$ for the input (skipped when the input needs no gradient), and
/// \f$x^\top dz\f$ and the column sums of \f$dz\f$ added into the kernel's and the
/// bias's gradients.
///
/// \library{lib/layers/dense.cc}{dense_op}{Dense's forward pass and its backward closure.}
// book:hide
void show_tape(nn::chapter::Context& chapter, const TinyNetwork& net, const BackwardPass& g) {
  auto& out = chapter.section("tape", "The tape of the 2-2-1 network, and backward()");
  TapeNetwork tape(net);
  const nn::Var loss = tape_loss(tape, kX, kT);
  // Every node the loss depends on, in creation order.
  std::vector<nn::Var> nodes;
  std::set<const nn::Node*> seen;
  std::vector<nn::Var> stack{loss};
  while (!stack.empty()) {
    const nn::Var v = stack.back();
    stack.pop_back();
    if (!seen.insert(v.node().get()).second) continue;
    nodes.push_back(v);
    for (std::size_t i = 0; i < v.parent_count(); ++i) stack.push_back(v.parent(i));
  }
  std::sort(nodes.begin(), nodes.end(), [](const nn::Var& a, const nn::Var& b) {
    return a.node()->sequence < b.node()->sequence;
  });
  std::map<const nn::Node*, std::size_t> index;
  for (std::size_t i = 0; i < nodes.size(); ++i) index[nodes[i].node().get()] = i;
  const std::map<const nn::Node*, std::string> weight = {{tape.W1.node().get(), "W1"},
                                                         {tape.b1.node().get(), "b1"},
                                                         {tape.W2.node().get(), "W2"},
                                                         {tape.b2.node().get(), "b2"}};
  const std::map<std::string, std::string> what = {{"dense", ""},
                                                   {"sigmoid", "dz += dy ⊙ y ⊙ (1 − y)"},
                                                   {"mean_squared_error", "dy += 2(y − t)/N"}};
  out << "node  op                   value   inputs   backward closure\n";
  int dense_count = 0;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const nn::Var& v = nodes[i];
    std::string inputs = v.parent_count() > 0 ? "" : "-";
    for (std::size_t p = 0; p < v.parent_count(); ++p) {
      inputs += (p > 0 ? "," : "") + std::to_string(index[v.parent(p).node().get()]);
    }
    std::string closure = v.node()->backward ? what.at(v.op()) : "";
    if (v.op() == "leaf") {
      const auto name = weight.find(v.node().get());
      closure = name != weight.end() ? "none: weight " + name->second + ", its grad is filled"
                                     : "none: the input x, needs no gradient";
    }
    if (v.op() == "dense") {
      ++dense_count;
      const std::string k = std::to_string(dense_count);
      closure =
          "dW" + k + " += xᵀ·dz, db" + k + " += Σ dz" + (dense_count > 1 ? ", dx += dz·Wᵀ" : "");
    }
    if (v.node()->backward) order.push_back(i);
    out << std::setw(4) << i << "  " << std::left << std::setw(19) << v.op() << std::right
        << std::setw(8) << nn::shape_string(v.value()) << std::setw(8) << inputs << "   " << closure
        << "\n";
  }
  loss.backward();
  out << "\nbackward() runs the closures of nodes";
  for (auto it = order.rbegin(); it != order.rend(); ++it) out << " " << *it;
  out << " (newest first)\n";
  double difference = 0;
  difference = std::max(difference, max_abs_difference(tape.W1.grad(), g.dW1));
  difference = std::max(difference, max_abs_difference(tape.b1.grad(), g.db1));
  difference = std::max(difference, max_abs_difference(tape.W2.grad(), g.dW2));
  difference = std::max(difference, max_abs_difference(tape.b2.grad(), g.db2));
  out << "W1.grad = " << show(tape.W1.grad()) << ", b1.grad = " << show(tape.b1.grad()) << "\n";
  out << "W2.grad = " << show(tape.W2.grad()) << ", b2.grad = " << show(tape.b2.grad()) << "\n";
  out << "largest difference from the backward pass by hand: " << difference << "\n";
  chapter.result("tape_nodes", nodes.size());
  chapter.result("tape_vs_hand_max_difference", difference);
}
// book:show

/// ### Adding an operation to the tape
///
/// Every operation the library offers is written the same way, and so is any a reader
/// adds. Here is an element-wise product \f$y = a \odot b\f$, which the library does not
/// have. The product rule says \f$\partial y / \partial a = b\f$ and \f$\partial y /
/// \partial b = a\f$: each input's share of the gradient is the *other* input's value, the
/// same "signal times error" pattern as a weight's. The closure captures the two input
/// handles (never the output, which would make a cycle) and adds into their gradients:

// y = a ⊙ b, element by element, on the tape. a, b, y: (batch, features)
nn::Var elementwise_product(const nn::Var& a, const nn::Var& b) {
  if (a.value().shape() != b.value().shape()) {
    throw nn::ShapeError("elementwise_product: a " + nn::shape_string(a.value()) + " and b " +
                         nn::shape_string(b.value()) + " differ");
  }
  nn::Tensor y = a.value() * b.value();
  auto backward = [a, b](const nn::Tensor& /*y*/, const nn::Tensor& dy) {
    if (a.requires_grad()) a.accumulate_grad(dy * b.value());  // da += dy ⊙ b
    if (b.requires_grad()) b.accumulate_grad(dy * a.value());  // db += dy ⊙ a
  };
  return nn::Var::from_op(std::move(y), {a, b}, "elementwise_product", backward);
}

/// How do we know the closure is right? We compare it with finite differences, the subject
/// of the next section: `nn::gradient_check` nudges every input entry up and down, and
/// compares the change in a loss with what `backward()` predicted. `nn::weighted_sum(y, w)`
/// is a loss whose gradient with respect to \f$y\f$ is exactly \f$w\f$, so random weights
/// \f$w\f$ probe every entry of the op's backward pass:
// book:hide
void show_new_op(nn::chapter::Context& chapter) {
  auto& out = chapter.section("new_op", "A new op on the tape, checked by finite differences");
  nn::Rng rng(chapter.seed());
  auto random = [&](std::size_t rows, std::size_t cols) {
    nn::Tensor t = nn::Tensor::from_shape({rows, cols});
    for (float& v : t) v = rng.normal();
    return t;
  };
  // book:show
  const nn::Var a(random(3, 4), true), b(random(3, 4), true);  // two (3, 4) inputs
  const nn::Tensor w = random(3, 4);
  const nn::GradientCheckResult check =
      nn::gradient_check([&] { return nn::weighted_sum(elementwise_product(a, b), w); }, {a, b});
  // book:hide
  out << "gradient_check(elementwise_product): " << (check.passed ? "passed" : "FAILED") << ", "
      << check.checked << " entries\nlargest |analytic − numeric| = " << std::scientific
      << std::setprecision(2) << check.max_error << "\n";
  out << "worst entry: " << check.worst << "\n";
  // A wrong closure, for contrast: the product rule forgotten (da += dy).
  const nn::Var c(random(3, 4), true), d(random(3, 4), true);
  auto wrong = [&] {
    nn::Tensor y = c.value() * d.value();
    return nn::Var::from_op(std::move(y), {c, d}, "wrong_product",
                            [c, d](const nn::Tensor&, const nn::Tensor& dy) {
                              c.accumulate_grad(dy);
                              d.accumulate_grad(dy);
                            });
  };
  const nn::GradientCheckResult bad =
      nn::gradient_check([&] { return nn::weighted_sum(wrong(), w); }, {c, d});
  out << "the same check on a wrong closure (da += dy, db += dy): "
      << (bad.passed ? "passed" : "FAILED") << "\nworst entry: " << bad.worst << "\n";
  chapter.result("new_op_gradient_check_passed", check.passed);
  chapter.result("new_op_gradient_check_max_error", check.max_error);
  chapter.result("wrong_op_gradient_check_passed", bad.passed);
}
// book:show

/// \output{new_op}
///
/// A closure that forgets the product rule fails the same check at once. Every op of the
/// library is tested this way, and its gradients are also compared with PyTorch's.
///
/// ## Checking gradients with finite differences
///
/// The derivative is a limit of difference quotients, so it can be estimated without any
/// calculus: nudge one weight by a small \f$h\f$ in each direction, run the forward pass
/// twice, and divide the change in the loss by the change in the weight. The *central*
/// difference
///
/// \f[ \frac{\partial L}{\partial w} \approx \frac{L(w + h) - L(w - h)}{2h} \f]
///
/// is far more accurate than the one-sided \f$\bigl(L(w + h) - L(w)\bigr)/h\f$: by Taylor's
/// theorem the one-sided quotient is off by about \f$\frac{h}{2} L''(w)\f$, while in the
/// central one the even terms cancel and the error is about \f$\frac{h^2}{6} L'''(w)\f$.
/// It costs two forward passes per parameter, far too slow to train with, but perfect for
/// checking a backward pass. We compare the two with the *relative error*
///
/// \f[ \varepsilon = \frac{|g_\text{backprop} - g_\text{numeric}|}
///     {\max(|g_\text{backprop}|, |g_\text{numeric}|)}, \f]
///
/// which is small whatever the size of the gradient. Here is the check for all nine
/// parameters of our network:

// One parameter entry: the gradient from backward() against a central difference.
struct Check {
  std::string name;                    // "W1(0, 1)"
  double backprop, numeric, relative;  // the two gradients and their relative error
};

double relative_error(double a, double b) {
  const double scale = std::max(std::abs(a), std::abs(b));
  return scale == 0.0 ? 0.0 : std::abs(a - b) / scale;
}

std::vector<Check> finite_difference_check(TapeNetwork& net, double h) {
  for (nn::Parameter* p : net.parameters()) p->zero_grad();
  tape_loss(net, kX, kT).backward();
  const nn::NoGradGuard no_tape;  // the nudged forward passes need no tape
  std::vector<Check> checks;
  for (nn::Parameter* p : net.parameters()) {
    for (std::size_t k = 0; k < p->value().size(); ++k) {
      float& w = p->value().data()[k];
      const float saved = w, up = saved + static_cast<float>(h),
                  down = saved - static_cast<float>(h);
      w = up;
      const double loss_up = tape_loss(net, kX, kT).item();
      w = down;
      const double loss_down = tape_loss(net, kX, kT).item();
      w = saved;
      const double numeric = (loss_up - loss_down) / (double{up} - double{down});  // the real 2h
      const double backprop = p->grad().data()[k];
      const std::size_t cols = p->value().shape(1);
      const std::string name =
          p->name() + "(" + std::to_string(k / cols) + ", " + std::to_string(k % cols) + ")";
      checks.push_back({name, backprop, numeric, relative_error(backprop, numeric)});
    }
  }
  return checks;
}

/// \output{gradient_check}
///
/// The largest relative error is \result{gradient_check_max_relative_error|.1e}, and the
/// library's `nn::gradient_check` agrees that all nine gradients pass. The error is not
/// zero, and it is not the backward pass's fault. The network computes in 32-bit floats,
/// whose loss is known only to about seven significant digits; \f$L(w + h) - L(w - h)\f$
/// is a difference of two nearly equal numbers, and its rounding error is divided by
/// \f$2h\f$: the smaller the step, the larger it gets. The truncation error does the
/// opposite. The figure shows the trade-off, averaged over the nine parameters, as \f$h\f$
/// sweeps six orders of magnitude. On the right, truncation: the one-sided error falls in
/// proportion to \f$h\f$, the central one in proportion to \f$h^2\f$, twice as steep on
/// the log scale. On the left, rounding: both grow like \f$1/h\f$, raggedly, since
/// rounding errors are erratic. The one-sided difference never does better than
/// \result{h_sweep.one_sided.error|.0e}; the central one reaches
/// \result{h_sweep.central.error|.0e} near \f$h =\f$ \result{h_sweep.central.h|.0e}.
/// `nn::gradient_check` steps by \f$h = 10^{-3}\f$, a little to the left of that point, so
/// that truncation stays negligible for losses more curved than ours, and its tolerance
/// (an absolute \f$10^{-3}\f$ plus 1% of the numeric value) absorbs the rounding.
///
/// \figure{finite_differences.svg}{The relative error of finite differences against the step
/// \f$h\f$, averaged over the nine parameters of the tiny network, in 32-bit floats: truncation
/// error on the right, rounding error on the left}
// book:hide
void show_gradient_check(nn::chapter::Context& chapter, const TinyNetwork& net) {
  auto& out = chapter.section("gradient_check", "Backpropagation against central differences");
  TapeNetwork tape(net);
  const std::vector<Check> checks = finite_difference_check(tape, 1e-3);
  out << "parameter    backprop      numeric (h = 1e-3)   relative error\n";
  double worst = 0;
  for (const Check& c : checks) {
    out << std::left << std::setw(10) << c.name << std::right << std::fixed << std::setprecision(6)
        << std::setw(12) << c.backprop << std::setw(15) << c.numeric << std::scientific
        << std::setprecision(1) << std::setw(20) << c.relative << "\n";
    worst = std::max(worst, c.relative);
  }
  const nn::GradientCheckResult library =
      nn::gradient_check([&] { return tape_loss(tape, kX, kT); }, {}, tape.parameters());
  out << "largest relative error: " << std::scientific << std::setprecision(1) << worst << "\n";
  out << "nn::gradient_check: " << (library.passed ? "passed" : "FAILED") << ", " << library.checked
      << " entries, largest |analytic − numeric| = " << library.max_error << "\n";
  chapter.result("gradient_check_max_relative_error", worst);
  chapter.result("gradient_check_passed", library.passed);
  chapter.result("gradient_check_max_abs_error", library.max_error);

  // The step h against the error, one-sided and central: the mean over the nine parameters.
  for (nn::Parameter* p : tape.parameters()) p->zero_grad();
  tape_loss(tape, kX, kT).backward();
  const nn::NoGradGuard no_tape;
  const double loss = tape_loss(tape, kX, kT).item();
  std::vector<double> hs, forward_errors, central_errors;
  for (int e = 0; e <= 48; ++e) {
    const double h = std::pow(10.0, -6.0 + 0.125 * e);
    double forward_sum = 0, central_sum = 0;
    for (nn::Parameter* p : tape.parameters()) {
      for (std::size_t k = 0; k < p->value().size(); ++k) {
        float& w = p->value().data()[k];
        const float saved = w;
        const float up = saved + static_cast<float>(h), down = saved - static_cast<float>(h);
        w = up;
        const double loss_up = tape_loss(tape, kX, kT).item();
        w = down;
        const double loss_down = tape_loss(tape, kX, kT).item();
        w = saved;
        const double exact = p->grad().data()[k];
        forward_sum += relative_error((loss_up - loss) / (double{up} - saved), exact);
        central_sum += relative_error((loss_up - loss_down) / (double{up} - down), exact);
      }
    }
    hs.push_back(h);
    forward_errors.push_back(forward_sum / 9);
    central_errors.push_back(central_sum / 9);
  }
  nn::plot::Figure figure(640, 420);
  auto& ax = figure.axes();
  ax.plot(hs, forward_errors, {"one-sided (L(w+h) − L(w)) / h", "#d55e00"});
  ax.plot(hs, central_errors, {"central (L(w+h) − L(w−h)) / 2h", "#0072b2"});
  ax.axvline(1e-3, {"h = 1e-3 (nn::gradient_check)", "#777777", true, 1});
  ax.xscale("log");
  ax.yscale("log");
  ax.xlabel("step h");
  ax.ylabel("mean relative error over the 9 parameters");
  ax.legend("lower left");
  figure.save(chapter.figure("finite_differences.svg"));
  auto best = [&](const std::vector<double>& errors) -> nlohmann::json {
    const auto it = std::min_element(errors.begin(), errors.end());
    return {{"error", *it}, {"h", hs[it - errors.begin()]}};
  };
  chapter.result("h_sweep", {{"central", best(central_errors)},
                             {"one_sided", best(forward_errors)},
                             {"central_at_1e-3", central_errors[24]},
                             {"one_sided_at_1e-3", forward_errors[24]}});
}
// book:show

/// ## One step of gradient descent
///
/// With the gradients known, learning is the rule of chapter 1 in its general form: move
/// every parameter a small step against its gradient,
///
/// \f[ W \leftarrow W - \eta\,\frac{\partial L}{\partial W}, \qquad
///     \mathbf{b} \leftarrow \mathbf{b} - \eta\,\frac{\partial L}{\partial \mathbf{b}}, \f]
///
/// with a learning rate \f$\eta\f$ (here 0.5):

TinyNetwork gradient_step(TinyNetwork net, const BackwardPass& g, float eta) {
  xt::noalias(net.W1) -= eta * g.dW1;
  xt::noalias(net.b1) -= eta * g.db1;
  xt::noalias(net.W2) -= eta * g.dW2;
  xt::noalias(net.b2) -= eta * g.db2;
  return net;
}

/// \output{step}
///
/// One step takes the loss from \result{tiny.loss|.4f} to \result{step.loss_after|.4f}.
/// Repeating the two passes and the step is all that training is: after
/// \result{step.steps} steps the prediction is \result{step.prediction_after_steps|.3f}.
/// `nn::SGD`, the optimizer that `fit` uses, applies the same update to the tape's
/// parameters; the weights it gives differ from ours by \result{step.sgd_difference}.
// book:hide
void show_step(nn::chapter::Context& chapter, const TinyNetwork& net, const BackwardPass& g) {
  auto& out = chapter.section("step", "One step of gradient descent, eta = 0.5");
  const float eta = 0.5f;
  const TinyNetwork next = gradient_step(net, g, eta);
  const ForwardPass after = forward(next, kX, kT);
  out << "W1 = " << show(next.W1) << ", b1 = " << show(next.b1) << "\n";
  out << "W2 = " << show(next.W2) << ", b2 = " << show(next.b2) << "\n";
  const ForwardPass before = forward(net, kX, kT);
  out << std::fixed << std::setprecision(4);
  out << "prediction " << before.y(0, 0) << " -> " << after.y(0, 0) << ", loss " << before.loss
      << " -> " << after.loss << "\n";
  // The same step by nn::SGD on the tape's parameters.
  TapeNetwork tape(net);
  for (nn::Parameter* p : tape.parameters()) p->zero_grad();
  tape_loss(tape, kX, kT).backward();
  nn::SGD sgd(eta);
  sgd.apply_gradients(tape.parameters());
  double difference = 0;
  difference = std::max(difference, max_abs_difference(tape.W1.value(), next.W1));
  difference = std::max(difference, max_abs_difference(tape.b1.value(), next.b1));
  difference = std::max(difference, max_abs_difference(tape.W2.value(), next.W2));
  difference = std::max(difference, max_abs_difference(tape.b2.value(), next.b2));
  out << "nn::SGD(0.5) on the tape's parameters: largest difference " << std::defaultfloat
      << difference << std::fixed << "\n";
  // And a few more steps.
  const int steps = 100;
  TinyNetwork trained = net;
  for (int s = 0; s < steps; ++s) {
    const ForwardPass f = forward(trained, kX, kT);
    trained = gradient_step(trained, backward(trained, kX, kT, f), eta);
  }
  const ForwardPass last = forward(trained, kX, kT);
  out << "after " << steps << " steps: prediction " << last.y(0, 0) << ", loss " << last.loss
      << "\n";
  chapter.result("step", {{"loss_after", after.loss},
                          {"prediction_after", after.y(0, 0)},
                          {"sgd_difference", difference},
                          {"steps", steps},
                          {"prediction_after_steps", last.y(0, 0)},
                          {"loss_after_steps", last.loss}});
}
// book:show

/// ## Why the weights must start random
///
/// Our tiny network started from weights we picked. What if we start them all at zero,
/// the most neutral choice there is? Then the two hidden units compute the same sum and
/// the same output; the output unit's weights from them are equal, so they receive the
/// same error signal; their incoming weights get the same gradients and take the same
/// step. After the step they are still identical, and by the same argument after every
/// step: gradient descent has no way to tell them apart. However many hidden units the
/// layer has, it behaves as one. The same happens whenever all weights start equal, zero
/// or not. Random initial weights break this *symmetry*: each unit starts out computing a
/// different function, gets a different error signal, and learns a different feature.
///
/// To see it, we train the same 2-4-1 network of sigmoid units twice on the circle data
/// of TensorFlow Playground (a disc of one class inside a ring of the other; more about it
/// below): once with every weight and bias at zero, and once with Keras's default,
/// Glorot's uniform initialisation, which draws each weight of a layer from
/// \f$U(-r, r)\f$ with \f$r = \sqrt{6 / (n_\text{in} + n_\text{out})}\f$. The *spread* is
/// the largest difference between the incoming weights (and bias) of any two hidden units:

// The largest difference between the incoming weights and biases of any two hidden units.
double hidden_spread(const nn::Tensor& W, const nn::Tensor& b) {  // W: (in, units), b: (1, units)
  double spread = 0;
  for (std::size_t j = 1; j < W.shape(1); ++j) {
    for (std::size_t i = 0; i < W.shape(0); ++i) {
      spread = std::max(spread, static_cast<double>(std::abs(W(i, j) - W(i, 0))));
    }
    spread = std::max(spread, static_cast<double>(std::abs(b(0, j) - b(0, 0))));
  }
  return spread;
}

// book:hide
// Records each hidden unit's weight from input 1 at the end of every epoch.
class WeightRecorder : public nn::Callback {
 public:
  explicit WeightRecorder(nn::Dense layer) : layer_(std::move(layer)) {}
  void on_train_begin(nn::Logs&) override { record(); }
  void on_epoch_end(int, nn::Logs&) override { record(); }
  std::vector<std::vector<double>> weights;  // [unit][epoch]

 private:
  void record() {
    const nn::Tensor& W = layer_->kernel().value();
    weights.resize(W.shape(1));
    for (std::size_t j = 0; j < W.shape(1); ++j) weights[j].push_back(W(0, j));
  }
  nn::Dense layer_;
};

struct PlaygroundSplit {
  nn::Tensor x_train, x_test;  // (n, 2), standardised with the training set's statistics
  nn::Labels y_train, y_test;
  nn::StandardScaler scaler;
};

PlaygroundSplit playground_split(const std::string& name, std::size_t n, std::uint64_t seed) {
  const nn::PlaygroundData data = nn::make_playground(name, n, 0.1f, seed);
  const nn::Split<nn::Labels> split = nn::train_test_split(data.x, data.y, 0.5, seed + 1);
  PlaygroundSplit s;
  s.x_train = s.scaler.fit_transform(split.x_train);
  s.x_test = s.scaler.transform(split.x_test);
  s.y_train = split.y_train;
  s.y_test = split.y_test;
  return s;
}

struct SymmetryRun {
  double spread = 0, largest_weight = 0, accuracy = 0;
  std::vector<std::vector<double>> weights;  // [unit][epoch]
};

// book:show
SymmetryRun train_symmetry(const PlaygroundSplit& data, const nn::Initializer& init,
                           std::uint64_t seed, int epochs) {
  nn::set_random_seed(seed);
  nn::Dense hidden(4, "sigmoid", init, init);  // kernel and bias initializers
  nn::Sequential model({hidden, nn::Dense(1, "sigmoid", init, init)});
  model.compile("binary_crossentropy", nn::SGD(0.5), {"accuracy"});
  // book:hide
  auto recorder = std::make_shared<WeightRecorder>(hidden);
  nn::FitOptions options;
  options.epochs = epochs;
  options.seed = seed;
  options.callbacks = {recorder};
  options.verbose = 0;
  model.fit(data.x_train, data.y_train, options);
  SymmetryRun run;
  run.weights = recorder->weights;
  run.accuracy = model.evaluate(data.x_test, data.y_test, 32, 0).at("accuracy");
  // book:show
  const nn::Tensor& W = hidden->kernel().value();  // (2, 4)
  run.spread = hidden_spread(W, hidden->bias().value());
  run.largest_weight = xt::amax(xt::abs(W))();
  return run;
}

/// \output{symmetry}
///
/// With zeros, the hidden weights do move (the largest is
/// \result{symmetry.zeros.largest_weight|.2f} after training), but all four units move together:
/// their spread is exactly \result{zero_init_hidden_spread}, and the network, which is in effect a
/// single hidden unit, reaches a test accuracy of only \result{symmetry.zeros.accuracy|.1%}. From
/// random weights the spread is \result{random_init_hidden_spread|.2f} and the accuracy
/// \result{symmetry.random.accuracy|.1%}. (With tanh or ReLU units, zeros are worse still:
/// both functions give 0 at 0, so the output unit sees only zeros and no gradient reaches
/// the hidden layer at all.) Biases do not carry this problem: once the weights are
/// random, the units differ anyway, and biases start at zero by default.
///
/// \figure{symmetry.svg}{The weight from input 1 into each of the four hidden units during
/// training. Left: all weights start at zero, and the four curves stay on top of each other.
/// Right: random initial weights, four different units}
// book:hide
void show_symmetry(nn::chapter::Context& chapter) {
  auto& out = chapter.section("symmetry", "Zero versus random initial weights (2-4-1, sigmoid)");
  const PlaygroundSplit data = playground_split("circle", chapter.pick(400, 200), chapter.seed());
  const int epochs = chapter.pick(200, 100);
  const SymmetryRun zeros = train_symmetry(data, "zeros", chapter.seed(), epochs);
  const SymmetryRun random = train_symmetry(data, "glorot_uniform", chapter.seed(), epochs);
  out << "initial weights   spread after " << epochs << " epochs   largest |w|   test accuracy\n";
  out << std::fixed << std::setprecision(4);
  for (const auto& [name, run] :
       {std::pair<std::string, const SymmetryRun&>{"zeros", zeros}, {"glorot_uniform", random}}) {
    out << std::left << std::setw(18) << name << std::right << std::setw(14) << run.spread
        << std::setw(22) << run.largest_weight << std::setw(16) << run.accuracy << "\n";
  }
  chapter.result("zero_init_hidden_spread", zeros.spread);
  chapter.result("random_init_hidden_spread", random.spread);
  chapter.result("symmetry", {{"epochs", epochs},
                              {"zeros",
                               {{"accuracy", zeros.accuracy},
                                {"largest_weight", zeros.largest_weight},
                                {"spread", zeros.spread}}},
                              {"random",
                               {{"accuracy", random.accuracy},
                                {"largest_weight", random.largest_weight},
                                {"spread", random.spread}}}});

  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  const std::vector<std::string> colors = {"#0072b2", "#d55e00", "#009e73", "#cc79a7"};
  for (int panel = 0; panel < 2; ++panel) {
    const SymmetryRun& run = panel == 0 ? zeros : random;
    auto& ax = figure.axes(0, panel);
    for (std::size_t j = 0; j < run.weights.size(); ++j) {
      std::vector<double> epochs_axis(run.weights[j].size());
      for (std::size_t e = 0; e < epochs_axis.size(); ++e) epochs_axis[e] = e;
      ax.plot(epochs_axis, run.weights[j],
              {"unit " + std::to_string(j + 1), colors[j % colors.size()], j % 2 == 1});
    }
    ax.title(panel == 0 ? "all weights start at 0" : "random initial weights (Glorot)");
    ax.xlabel("epoch");
    ax.ylabel("weight from input 1");
    ax.legend("best");
  }
  figure.save(chapter.figure("symmetry.svg"));
}
// book:show

/// ## XOR, learnt
///
/// Chapter 1's XOR network had its weights set by hand. Now backpropagation can find
/// them. Eight hidden tanh units, a sigmoid output, and the binary cross-entropy loss (the
/// log loss of logistic regression, which suits a probability much better than the
/// squared error does); everything else is the `fit` loop, which for every batch runs the
/// forward pass on the tape, calls `backward()`, and lets `nn::SGD` take the step:

// A 2-units-1 network trained on the four points of XOR, all four in every batch.
nn::Sequential xor_mlp(int units, std::uint64_t seed, nn::History& history) {
  nn::set_random_seed(seed);  // the initial weights
  nn::Sequential model({nn::Dense(units, "tanh"), nn::Dense(1, "sigmoid")});
  model.compile("binary_crossentropy", nn::SGD(0.5), {"accuracy"});
  history = model.fit(kXorX, kXorY, {.epochs = 500, .batch_size = 4, .seed = seed, .verbose = 0});
  return model;
}

// book:hide
void show_xor(nn::chapter::Context& chapter) {
  auto& out = chapter.section("xor", "A 2-8-1 MLP learns XOR");
  nn::History history;
  nn::Sequential model = xor_mlp(8, chapter.seed(), history);
  const nn::Tensor& x = kXorX;
  const nn::Labels& y = kXorY;
  const nn::Tensor p = model.predict(x);  // (4, 1)
  const double accuracy = model.evaluate(x, y, 32, 0).at("accuracy");
  out << std::fixed << std::setprecision(3);
  out << "x1  x2   XOR   P(XOR = 1)\n";
  for (std::size_t r = 0; r < 4; ++r) {
    out << " " << static_cast<int>(x(r, 0)) << "   " << static_cast<int>(x(r, 1)) << "    " << y(r)
        << std::setw(12) << p(r, 0) << "\n";
  }
  const std::vector<double>& loss = history.history["loss"];
  out << "loss: " << loss.front() << " after epoch 1, " << loss.back() << " after epoch "
      << loss.size() << "; accuracy " << accuracy << "\n";
  chapter.result("xor_mlp_accuracy", accuracy);
  chapter.result("xor_mlp_loss", {{"first", loss.front()}, {"last", loss.back()}});
  chapter.result("xor_mlp_probabilities", to_vector(p));

  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  auto& left = figure.axes(0, 0);
  nn::plot::RegionStyle style;
  style.contour = true;
  left.decision_regions([&](const nn::Tensor& points) { return model.predict(points); },
                        {-0.5, 1.5, -0.5, 1.5}, style);
  left.scatter_classes(x, y, {"XOR = 0", "XOR = 1"}, 7);
  left.title("P(XOR = 1) after training");
  left.xlabel("x1");
  left.ylabel("x2");
  left.legend("upper right");
  auto& right = figure.axes(0, 1);
  std::vector<double> epochs(loss.size());
  for (std::size_t e = 0; e < epochs.size(); ++e) epochs[e] = e + 1;
  right.plot(epochs, loss, {"training loss", "#0072b2"});
  right.yscale("log");
  right.title("binary cross-entropy");
  right.xlabel("epoch");
  right.ylabel("loss");
  figure.save(chapter.figure("xor.svg"));

  // How often training succeeds, by width, from many random starting points.
  auto& trials_out = chapter.section("xor_trials", "How often XOR is learnt, by hidden width");
  const int trials = chapter.pick(100, 20);
  nn::Rng seeds(chapter.seed());
  std::vector<std::uint64_t> trial_seeds(trials);
  for (auto& seed : trial_seeds) seed = seeds.split();
  nlohmann::json rates;
  trials_out << "hidden units   learnt XOR (accuracy 1) within 500 epochs\n";
  for (int units : {2, 4, 8}) {
    int learnt = 0;
    for (std::uint64_t seed : trial_seeds) {
      nn::History h;
      nn::Sequential m = xor_mlp(units, seed, h);
      learnt += m.evaluate(kXorX, kXorY, 32, 0).at("accuracy") == 1.0;
    }
    rates[std::to_string(units)] = static_cast<double>(learnt) / trials;
    trials_out << std::setw(12) << units << std::setw(10) << learnt << " of " << trials << "\n";
  }
  chapter.result("xor_trials", trials);
  chapter.result("xor_success_rate", rates);
}
// book:show

/// \output{xor}
///
/// All four cases are right: accuracy \result{xor_mlp_accuracy|.0%}, with a loss that fell
/// from \result{xor_mlp_loss.first|.3f} to \result{xor_mlp_loss.last|.4f}. The network
/// answers 0 in a diagonal band through \f$(0, 0)\f$ and \f$(1, 1)\f$ and 1 on both sides
/// of it: a boundary of two curves, which no single straight line could draw. As in
/// chapter 1, the hidden layer has mapped the four points to a space where the output
/// unit's straight line suffices; this time backpropagation found the mapping. The loss
/// of the first epoch, \result{xor_mlp_loss.first|.3f}, is close to
/// \f$\ln 2 \approx 0.69\f$, the loss of answering one half everywhere: small random
/// weights start the network near that answer, and the loss falls from there as the hidden
/// units grow apart enough to bend the boundary.
///
/// \figure{xor.svg}{Left: the probability the trained 2-8-1 network gives to XOR = 1, with the
/// 0.5 contour. Right: the training loss, epoch by epoch}
///
/// Why eight hidden units, when chapter 1 needed only two? Two are enough to *represent*
/// XOR, but gradient descent has to *find* the weights, starting from a random point, and
/// it can stall on a plateau or settle in a poor local minimum of the loss. Here is how
/// often it succeeds, from \result{xor_trials} different random initialisations:
///
/// \output{xor_trials}
///
/// With two hidden units, \result{xor_success_rate.2|.0%} of the runs learn XOR within 500
/// epochs; with eight, \result{xor_success_rate.8|.0%}. Extra units give gradient descent
/// more ways to succeed, one reason why the networks used in practice are wider than the
/// smallest that could do the job.
///
/// ## The four puzzles of TensorFlow Playground
///
/// TensorFlow Playground (playground.tensorflow.org) trains small networks in the browser
/// on four two-class data sets in the plane, and lets you watch the decision regions form.
/// The library makes the same four (`lib/data/playground.h`): a disc inside a ring
/// ("circle"), the four quadrants ("xor"), two round clusters ("gauss") and two
/// interleaved spirals ("spiral"), each with a little noise. We draw
/// \result{playground_points} points of each, train on half and measure the accuracy on
/// the other half, which the network never sees. The inputs are standardised with the
/// training half's mean and standard deviation, since gradient descent works best on
/// inputs of similar, moderate size. The networks are plain stacks of tanh layers trained
/// by SGD:

// A width × depth stack of tanh units with one sigmoid output, for two classes.
nn::Sequential playground_model(int width, int depth) {
  nn::Sequential model;
  for (int layer = 0; layer < depth; ++layer) model.add(nn::Dense(width, "tanh"));
  model.add(nn::Dense(1, "sigmoid"));  // P(class 1)
  model.compile("binary_crossentropy", nn::SGD(0.3), {"accuracy"});
  return model;
}

// book:hide
struct PlaygroundTask {
  std::string name, title;
  int width, depth, epochs;
};
// book:show

/// \output{playground}
///
/// The first three are easy: one or two layers of eight units reach test accuracies of
/// \result{playground.circle|.1%} (circle), \result{playground.xor|.1%} (xor) and
/// \result{playground.gauss|.1%} (gauss); what they miss are the few points that the noise
/// carried across the boundary. The gauss clusters would not even need the hidden layer,
/// since a straight line separates them. The spiral is the hard one: its boundary winds around the
/// centre, and each turn needs more bends than a few tanh units can make. With three layers
/// of 32 units and \result{playground_epochs.spiral} epochs the network reaches
/// \result{playground.spiral|.1%}. In TensorFlow Playground, people often solve the
/// spiral by feeding the network extra features such as \f$\sin x_1\f$ or \f$x_1^2\f$.
/// Here the network gets only \f$x_1\f$ and \f$x_2\f$, and its hidden units build the
/// winding boundary from them; the test accuracy above says how far they got.
/// To train these networks yourself and watch the regions form, open
/// [the Playground](playground.html): this library, compiled to WebAssembly, in your browser.
///
/// \figure{playground.svg}{The four data sets of TensorFlow Playground, learnt by small MLPs:
/// the probability of class 1 over the plane (orange for class 1, blue for class 0, with the
/// 0.5 contour) and the held-out test points}
// book:hide
void show_playground(nn::chapter::Context& chapter) {
  auto& out = chapter.section("playground", "Small MLPs on TensorFlow Playground's data sets");
  const std::size_t points = chapter.pick<std::size_t>(1000, 600);
  const std::vector<PlaygroundTask> tasks = {{"circle", "circle", 8, 2, chapter.pick(200, 100)},
                                             {"xor", "xor", 8, 2, chapter.pick(200, 100)},
                                             {"gauss", "gauss", 8, 1, chapter.pick(200, 100)},
                                             {"spiral", "spiral", 32, 3, chapter.pick(1000, 600)}};
  nn::plot::Figure figure(900, 840);
  figure.subplots(2, 2);
  nlohmann::json accuracies, epochs;
  out << "data set   hidden layers   epochs   training accuracy   test accuracy\n";
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const PlaygroundTask& task = tasks[k];
    const std::uint64_t seed = chapter.seed() + k;
    const PlaygroundSplit data = playground_split(task.name, points, seed);
    nn::set_random_seed(seed);
    nn::Sequential model = playground_model(task.width, task.depth);
    nn::FitOptions options;
    options.epochs = task.epochs;
    options.seed = seed;
    options.verbose = 0;
    nn::History history = model.fit(data.x_train, data.y_train, options);
    const double test = model.evaluate(data.x_test, data.y_test, 32, 0).at("accuracy");
    const double train = model.evaluate(data.x_train, data.y_train, 32, 0).at("accuracy");
    const std::string layers = std::to_string(task.depth) + " x " + std::to_string(task.width);
    out << std::left << std::setw(11) << task.name << std::setw(16) << layers << std::right
        << std::setw(6) << task.epochs << std::fixed << std::setprecision(3) << std::setw(20)
        << train << std::setw(16) << test << "\n";
    accuracies[task.name] = test;
    epochs[task.name] = task.epochs;

    auto& ax = figure.axes(static_cast<int>(k));
    nn::plot::RegionStyle style;
    style.contour = true;
    style.resolution = 100;
    const nn::Tensor x_test = data.scaler.inverse_transform(data.x_test);
    ax.decision_regions(
        [&](const nn::Tensor& p) { return model.predict(data.scaler.transform(p), 1024); },
        {-6.5, 6.5, -6.5, 6.5}, style);
    ax.scatter_classes(x_test, data.y_test, {"class 0", "class 1"}, 3);
    char title[96];
    std::snprintf(title, sizeof title, "%s: test accuracy %.1f%%", task.title.c_str(),
                  100.0 * test);
    ax.title(title);
    ax.xlabel("x1");
    ax.ylabel("x2");
  }
  figure.save(chapter.figure("playground.svg"));
  chapter.result("playground", accuracies);
  chapter.result("playground_epochs", epochs);
  chapter.result("playground_points", points);
}
// book:show

/// ## The same program in Keras and in C++
///
/// Everything above used the library the way Keras is used: layers stacked in a
/// `Sequential`, a loss, an optimizer and metrics given to `compile`, and `fit`,
/// `evaluate` and `predict` doing the loops. Chapter 4 trains a classifier of clothing
/// images, Fashion-MNIST, with two hidden ReLU layers of 300 and 100 units and a softmax
/// output of 10. In Python with Keras, it reads:
///
/// ```{.py}
/// model = keras.Sequential([
///     keras.layers.Flatten(input_shape=[28, 28]),
///     keras.layers.Dense(300, activation="relu"),
///     keras.layers.Dense(100, activation="relu"),
///     keras.layers.Dense(10, activation="softmax")])
/// model.compile(loss="sparse_categorical_crossentropy",
///               optimizer=keras.optimizers.SGD(learning_rate=0.01),
///               metrics=["accuracy"])
/// history = model.fit(x_train, y_train, epochs=30,
///                     validation_data=(x_valid, y_valid))
/// ```
///
/// and with this book's library, line for line:
// book:hide
void show_keras(nn::chapter::Context& chapter) {
  auto& out = chapter.section("keras", "The Fashion-MNIST MLP, two short epochs");
  nn::FashionMnistOptions limits;
  limits.validation = chapter.pick<std::size_t>(2000, 500);
  limits.train_limit = chapter.pick<std::size_t>(10000, 2000);
  limits.test_limit = 1;
  const nn::FashionMnist data = nn::load_fashion_mnist(limits);
  const int epochs = 2;
  nn::set_random_seed(chapter.seed());
  // book:show
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});
  nn::History history = model.fit(data.x_train, data.y_train,
                                  {.epochs = epochs,
                                   .validation_data = {{data.x_validation, data.y_validation}},
                                   .verbose = 0});
  // book:hide
  model.summary(out);
  out << "\nfit on " << data.x_train.shape(0) << " images, validated on "
      << data.x_validation.shape(0) << ":\n";
  out << std::fixed << std::setprecision(4);
  for (std::size_t e = 0; e < history.epoch.size(); ++e) {
    out << "epoch " << e + 1 << ": loss " << history.history["loss"][e] << ", accuracy "
        << history.history["accuracy"][e] << ", val_loss " << history.history["val_loss"][e]
        << ", val_accuracy " << history.history["val_accuracy"][e] << "\n";
  }
  chapter.result("keras_mlp", {{"params", model.count_params()},
                               {"val_accuracy", history.history["val_accuracy"].back()},
                               {"train_images", data.x_train.shape(0)}});
}
// book:show

/// \output{keras}
///
/// The summary is Keras's table, with its \result{keras_mlp.params|,} parameters; here the
/// model trained for two epochs on \result{keras_mlp.train_images} images only, just to
/// show the loop running (validation accuracy \result{keras_mlp.val_accuracy|.1%}).
/// Chapter 4 trains it properly. Every one of its \result{keras_mlp.params|,} gradients per step
/// comes from exactly the backward pass of this chapter: three dense nodes and two ReLU nodes on
/// the tape, and the softmax fused with its cross-entropy, whose gradient with respect to the
/// output sums is simply \f$(\mathbf{p} - \mathbf{t})/N\f$.
///
/// \underthehood{When something is wrong}
///
/// A mistake in a C++ program can be a crash with no word of explanation. The library
/// checks what a reader is likely to get wrong and says what it found: a layer given
/// inputs of the wrong width names itself and both shapes; an unknown name lists the
/// names it knows; a loss that turns into NaN or infinity stops `fit` with the epoch and
/// the step, before the bad step changes any weight. Each of these is an `nn::Error`,
/// caught here and printed:
///
/// \output{errors}
///
/// \endunderthehood
// book:hide
void show_errors(nn::chapter::Context& chapter) {
  auto& out = chapter.section("errors", "Three mistakes, three messages");
  std::vector<std::string> messages;
  auto report = [&](const std::string& what, const std::function<void()>& mistake) {
    try {
      mistake();
      out << what << ": no error\n";
    } catch (const nn::Error& error) {
      out << what << ":\n" << wrap(error.what());
      messages.push_back(error.what());
    }
  };
  nn::set_random_seed(chapter.seed());
  nn::Sequential model({nn::Dense(4, "tanh"), nn::Dense(1, "sigmoid")});
  model.compile("binary_crossentropy", nn::SGD(0.5), {"accuracy"});
  model.build({2});
  report("three columns for a model built for two", [&] { model.predict(nn::Tensor{{1, 2, 3}}); });
  report("an activation that does not exist", [] { nn::Dense(8, "relu6"); });
  report("a learning rate of 1e30", [&] {
    nn::Sequential regression({nn::Dense(1)});
    regression.compile("mse", nn::SGD(1e30));
    const nn::Tensor x = {{1}, {2}, {3}, {4}}, y = {{2}, {4}, {6}, {8}};
    regression.fit(x, y, {.epochs = 5, .batch_size = 2, .seed = 1, .verbose = 0});
  });
  chapter.result("error_messages", messages);
}
// book:show

/// ## Summary
///
/// Backpropagation is the chain rule, organised. The forward pass computes every unit's
/// output and keeps it; the backward pass starts from the loss and, layer by layer, turns
/// the error signal \f$\delta\f$ at a layer's output into the gradients of its weights
/// (\f$\mathbf{x}^\top\delta\f$), of its biases (\f$\sum \delta\f$) and of its input
/// (\f$\delta W^\top\f$), multiplied by the activation's slope on the way down. A tape
/// records the operations as they run, so that the backward pass is written once per
/// operation instead of once per network, and costs a small multiple of the forward pass
/// whatever the number of weights. Finite differences confirm it, smooth activations make
/// it possible, and random initial weights make the hidden units different enough to be
/// worth having. The next chapter uses all of this for regression: predicting numbers
/// instead of classes.
// book:hide
}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "02_backprop", "Chapter 2: backpropagation (the chain rule, the tape, initialisation)", {}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    show_activations(chapter);
    show_linear_stack(chapter);
    const TinyNetwork net;
    const ForwardPass f = forward(net, kX, kT);
    const BackwardPass g = backward(net, kX, kT, f);
    show_forward(chapter, net, f);
    show_backward(chapter, f, g);
    show_tape(chapter, net, g);
    show_new_op(chapter);
    show_gradient_check(chapter, net);
    show_step(chapter, net, g);
    show_symmetry(chapter);
    show_xor(chapter);
    show_playground(chapter);
    show_keras(chapter);
    show_errors(chapter);
  });
}
// book:show
