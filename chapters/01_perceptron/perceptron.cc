/// # The perceptron
///
/// In 1957 Frank Rosenblatt built a machine that learned, from examples, to sort its
/// inputs into two classes. It was called the *perceptron*, and every network in this book
/// descends from it. This chapter builds its one component, trains it on real flowers,
/// shows that its learning rule is stochastic gradient descent in disguise, and finds the
/// problem it cannot solve, which is the reason networks have more than one layer.
///
/// *Sources.* This chapter follows the opening of chapter 10 of Aurélien Géron's *Hands-On
/// Machine Learning with Scikit-Learn, Keras and TensorFlow* ("From Biological to Artificial
/// Neurons": logical computations with neurons, the TLU, the perceptron and its learning
/// rule, scikit-learn's `Perceptron`, and XOR), and the first part of the article this book
/// grew from (the TLU, the perceptron as stochastic gradient descent, why logistic
/// regression is usually preferred). The explanations, code and experiments are our own.
///
/// ## The threshold logic unit
///
/// The perceptron is made of *threshold logic units* (TLUs). A TLU receives numbers
/// \f$x_1, \dots, x_n\f$, gives each input connection a weight \f$w_i\f$, adds a bias
/// \f$b\f$, and fires when the sum reaches zero:
///
/// \f[ z = w_1 x_1 + \dots + w_n x_n + b = \mathbf{w}^\top \mathbf{x} + b, \qquad
///     \hat{y} = \operatorname{step}(z) = \begin{cases} 0 & z < 0 \\ 1 & z \ge 0.
///     \end{cases} \f]
///
/// The output is a hard yes or no: nothing tells how close the unit came to deciding
/// otherwise. Geometrically, the points where \f$z = 0\f$ form a straight line (in two
/// dimensions; a plane or hyperplane in more), and the unit answers 1 on one side of it
/// and 0 on the other. Here is a TLU for a whole batch of inputs at once, one row per
/// input:
// book:hide
#include "lib/linear/perceptron.h"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <limits>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "lib/chapter/chapter.h"
#include "lib/data/iris.h"
#include "lib/linear/sgd_classifier.h"
#include "lib/plot/figure.h"
#include "lib/random.h"
#include "lib/tensor.h"

namespace {
// book:show

// x: (n, features), w: (features,) -> (n,) outputs in {0, 1}
nn::Labels tlu(const nn::Tensor& x, const nn::Vector& w, float b) {
  nn::Labels y = xt::zeros<int>({x.shape(0)});
  for (std::size_t row = 0; row < x.shape(0); ++row) {
    float z = b;
    for (std::size_t i = 0; i < w.size(); ++i) z += w(i) * x(row, i);
    y(row) = z >= 0.0f ? 1 : 0;  // the step function
  }
  return y;
}

/// With weights \f$(1, 1)\f$ and bias \f$-1.5\f$, the sum reaches zero only when both
/// inputs are 1: the unit computes a logical AND. With bias \f$-0.5\f$ one input is enough,
/// and it computes OR. A TLU can compute any function whose yes and no cases a straight
/// line separates.
///
/// \output{tlu}
// book:hide
const nn::Tensor kBinaryInputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

void show_logic_gates(nn::chapter::Context& chapter) {
  auto& out = chapter.section("tlu", "One TLU computes AND, another OR");
  const nn::Labels and_gate = tlu(kBinaryInputs, {1.0f, 1.0f}, -1.5f);
  const nn::Labels or_gate = tlu(kBinaryInputs, {1.0f, 1.0f}, -0.5f);
  out << "x1  x2   AND (w = (1, 1), b = -1.5)   OR (w = (1, 1), b = -0.5)\n";
  for (std::size_t row = 0; row < 4; ++row) {
    out << " " << kBinaryInputs(row, 0) << "   " << kBinaryInputs(row, 1) << "   " << std::setw(16)
        << and_gate(row) << std::setw(28) << or_gate(row) << "\n";
  }
  chapter.result("and_outputs", std::vector<int>(and_gate.begin(), and_gate.end()));
  chapter.result("or_outputs", std::vector<int>(or_gate.begin(), or_gate.end()));
}

std::vector<int> to_vector(const nn::Labels& labels) { return {labels.begin(), labels.end()}; }

std::vector<double> to_vector(const nn::Vector& values) { return {values.begin(), values.end()}; }
// book:show

/// ## Learning from mistakes: the perceptron rule
///
/// Setting weights by hand works for AND; for real data we want the unit to find them.
/// Rosenblatt's rule looks at one training example at a time. When the unit's answer
/// \f$\hat{y}\f$ is right it changes nothing; when it is wrong it moves every weight a
/// little in the direction that would have made it right:
///
/// \f[ w_i \leftarrow w_i + \eta\,(y - \hat{y})\,x_i, \qquad b \leftarrow b + \eta\,(y - \hat{y}).
/// \f]
///
/// \f$y - \hat{y}\f$ is \f$+1\f$ when the unit should have fired and did not, \f$-1\f$
/// when it fired and should not have, so each weight grows or shrinks in proportion to its
/// input: the inputs that were large on a mistake are the ones that get the blame. The
/// learning rate \f$\eta\f$ sets the step. One pass over the training set is an *epoch*;
/// training goes on epoch after epoch until the mistakes stop (or, as scikit-learn does,
/// until an epoch's total error has not improved by more than a tolerance for five epochs
/// in a row). Rosenblatt proved that when a straight line can separate the two classes,
/// the rule finds one after a finite number of mistakes: the *perceptron convergence
/// theorem*.
///
/// Our data are Fisher's iris flowers: 150 flowers of three species, measured in
/// centimetres. We keep two measurements, the length and the width of the petals, and one
/// question: is the flower an *Iris setosa*? Here is the rule, written out: epochs over
/// the flowers in a random order, one update per mistake, until an epoch goes by without
/// one. It records the boundary after every mistake, so that we can watch it move.
// book:hide
struct IrisTask {
  nn::Tensor x;                                       // (150, 2): petal length and width, cm
  nn::Labels y;                                       // (150,): 1 for setosa
  nn::Tensor flowers = {{2.0f, 0.5f}, {3.0f, 1.0f}};  // two new flowers to classify
};

// book:show
struct Boundary {
  float w1, w2, b;  // the line w1·x1 + w2·x2 + b = 0
};

std::vector<Boundary> perceptron_rule(const IrisTask& iris, std::uint64_t seed, float eta) {
  float w1 = 0, w2 = 0, b = 0;
  std::vector<Boundary> after_each_mistake;
  nn::Rng rng(seed);
  for (bool mistakes = true; mistakes;) {
    mistakes = false;
    for (std::size_t row : rng.permutation(iris.x.shape(0))) {
      const float x1 = iris.x(row, 0), x2 = iris.x(row, 1);
      const int y_hat = w1 * x1 + w2 * x2 + b >= 0 ? 1 : 0;
      const int error = iris.y(row) - y_hat;  // +1, 0 or -1
      if (error == 0) continue;
      w1 += eta * error * x1;
      w2 += eta * error * x2;
      b += eta * error;
      after_each_mistake.push_back({w1, w2, b});
      mistakes = true;
    }
  }
  return after_each_mistake;
}

/// \output{rule}
///
/// \figure{iris_boundary.svg}{The perceptron rule on the iris flowers: the boundary after each
/// mistake (dashed, lighter first) and the final one; shaded, the final decision regions}
///
/// The unit starts with every weight at zero. The first boundaries leave most flowers on
/// the wrong side, many of them outside the picture; each mistake moves the line, and after
/// \result{rule_mistakes} mistakes no flower is on the wrong side, so the rule stops. The
/// two diamonds are flowers the unit has never seen.
///
/// The library's `nn::Perceptron` is the same rule, with scikit-learn's settings and
/// stopping rule (`eta0`, `max_iter`, `tol`, `shuffle`, `random_state`): it keeps going
/// until an epoch's total error has not improved by more than `tol` for five epochs in a
/// row. With `shuffle = false` (flowers visited in file order) its weights are
/// scikit-learn's to the last digit; the library's tests check them against values
/// computed with scikit-learn itself.
///
/// One detail differs from our TLU, on purpose. Our step fires at \f$z \ge 0\f$;
/// scikit-learn's `Perceptron`, and so `nn::Perceptron`, predicts the positive class only for
/// \f$z > 0\f$, and during training counts a point that lies exactly on the boundary
/// (\f$z = 0\f$) as a mistake whatever its class. That matters at the very start, when every
/// weight is zero and every \f$z\f$ is 0: the strict rule makes the first flower a
/// mistake, so training always begins with a step, and a boundary that passes through a
/// training point is never accepted. Once the weights are off zero, a point with
/// \f$z\f$ exactly 0 is rare, and the two conventions give the same predictions.
///
/// Here is the heart of its `fit`, the loop over one epoch's rows. Compare it with the rule
/// above: `error` is \f$y - \hat{y}\f$, `step` is \f$\eta\,(y - \hat{y})\f$, and the weights
/// and the bias move only on a mistake. The one addition is a row that lies exactly on the
/// boundary (\f$z = 0\f$): it counts as a mistake whichever class it belongs to.
///
/// \library{lib/linear/perceptron.cc}{perceptron_rule}{The perceptron rule inside
/// `nn::Perceptron::fit`: one epoch over the rows, in a random order.}
// book:hide
void show_rule(nn::chapter::Context& chapter, const IrisTask& iris) {
  auto& out = chapter.section("rule", "The perceptron rule, mistake by mistake");
  const std::vector<Boundary> boundaries = perceptron_rule(iris, chapter.seed(), 0.1f);
  out << std::fixed << std::setprecision(2);
  out << "mistake      w1      w2       b\n";
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    out << std::setw(7) << i + 1 << std::setw(8) << boundaries[i].w1 << std::setw(8)
        << boundaries[i].w2 << std::setw(8) << boundaries[i].b << "\n";
  }
  const Boundary last = boundaries.back();
  chapter.result("rule_mistakes", boundaries.size());

  nn::plot::Figure figure(640, 460);
  auto& ax = figure.axes();
  ax.decision_regions(
      [&](const nn::Tensor& p) -> nn::Tensor {
        return xt::expand_dims(xt::cast<float>(tlu(p, {last.w1, last.w2}, last.b)), 1);
      },
      nn::plot::padded_extent(iris.x));
  ax.scatter_classes(iris.x, iris.y, {"other species", "Iris setosa"});
  for (std::size_t i = 0; i + 1 < boundaries.size(); ++i) {
    const Boundary& line = boundaries[i];
    if (line.w1 == 0.0f && line.w2 == 0.0f) continue;  // no line yet, only a bias
    const int grey = 200 - static_cast<int>(120 * i / boundaries.size());
    char color[8];
    std::snprintf(color, sizeof color, "#%02x%02x%02x", grey, grey, grey);
    ax.axline(line.w1, line.w2, line.b, {i == 0 ? "after each mistake" : "", color, true, 1});
  }
  ax.axline(last.w1, last.w2, last.b, {"final boundary", "#222222", false, 2});
  ax.scatter(xt::col(iris.flowers, 0), xt::col(iris.flowers, 1),
             {"new flowers", "#000000", 8, nn::plot::Marker::diamond});
  ax.xlabel("petal length (cm)");
  ax.ylabel("petal width (cm)");
  ax.legend("lower right");
  figure.save(chapter.figure("iris_boundary.svg"));
}
// book:show

/// Trained with its defaults, `nn::Perceptron` separates the flowers perfectly: training
/// accuracy \result{iris_accuracy|.0%} after \result{iris_epochs} epochs. Asked about the
/// two new flowers, one with petals 2 cm by 0.5 cm and one with petals 3 cm by 1 cm, it
/// answers \result{iris_predictions}: the first is a setosa, the second is not, as
/// scikit-learn's `Perceptron` says too.
nn::Perceptron train_perceptron(const IrisTask& iris, std::uint64_t seed) {
  nn::PerceptronOptions options;  // scikit-learn's defaults: eta0 = 1, tol = 1e-3, ...
  options.random_state = seed;
  nn::Perceptron perceptron(options);
  perceptron.fit(iris.x, iris.y);
  return perceptron;
}

/// \output{iris}
// book:hide
void show_iris(nn::chapter::Context& chapter, const IrisTask& iris) {
  auto& out = chapter.section("iris", "nn::Perceptron on the iris flowers");
  const nn::Perceptron perceptron = train_perceptron(iris, chapter.seed());
  const nn::Vector w = perceptron.coef();
  const nn::Labels predictions = perceptron.predict(iris.flowers);
  out << std::fixed << std::setprecision(4);
  out << "weights w = (" << w(0) << ", " << w(1) << "), bias b = " << perceptron.intercept()
      << "\n";
  out << "epochs: " << perceptron.n_iter()
      << ", training accuracy: " << perceptron.score(iris.x, iris.y) << "\n";
  out << "flower (2.0 cm, 0.5 cm): " << (predictions(0) == 1 ? "setosa" : "not setosa") << "\n";
  out << "flower (3.0 cm, 1.0 cm): " << (predictions(1) == 1 ? "setosa" : "not setosa") << "\n";
  chapter.result("iris_accuracy", perceptron.score(iris.x, iris.y));
  chapter.result("iris_epochs", perceptron.n_iter());
  chapter.result("iris_predictions", to_vector(predictions));
  chapter.result("iris_weights", to_vector(w));
  chapter.result("iris_bias", perceptron.intercept());
}
// book:show

/// ## The perceptron is stochastic gradient descent
///
/// The rule above looks like a clever trick, but it is an instance of the method that
/// trains every network in this book. Write the labels as \f$t = \pm 1\f$ and give the
/// unit the *perceptron loss* for one example:
///
/// \f[ L(\mathbf{w}, b) = \max\bigl(0,\; -t\,(\mathbf{w}^\top\mathbf{x} + b)\bigr). \f]
///
/// It is zero on a right answer and grows with the distance to the boundary on a wrong
/// one. Its gradient is zero on a right answer and \f$-t\,\mathbf{x}\f$ (for the bias,
/// \f$-t\f$) on a wrong one, so one step of stochastic gradient descent with learning
/// rate \f$\eta\f$, \f$\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla L\f$, adds
/// \f$\eta\,t\,\mathbf{x}\f$ on a mistake: Rosenblatt's rule, since \f$y - \hat{y} = t\f$
/// there. scikit-learn says so in its documentation: `Perceptron()` is `SGDClassifier`
/// with `loss="perceptron"`, `eta0=1`, `learning_rate="constant"` and `penalty=None`.
/// `nn::SgdClassifier` is written as gradient descent on a pluggable loss, without any
/// reference to the perceptron; given the same settings and the same shuffles, it lands on
/// the same weights:
// book:hide
void show_sgd(nn::chapter::Context& chapter, const IrisTask& iris) {
  auto& out = chapter.section("sgd", "The perceptron rule and SGD on the perceptron loss");
  // book:show
  nn::SgdOptions options;
  options.loss = "perceptron";
  options.eta0 = 1.0;  // learning_rate "constant", no penalty: the perceptron's settings
  options.random_state = chapter.seed();
  nn::SgdClassifier sgd(options);
  sgd.fit(iris.x, iris.y);
  // book:hide
  const nn::Perceptron perceptron = train_perceptron(iris, chapter.seed());
  const nn::Vector w_rule = perceptron.coef(), w_sgd = sgd.coef();
  double difference = std::abs(perceptron.intercept() - sgd.intercept());
  for (std::size_t i = 0; i < w_rule.size(); ++i) {
    difference = std::max(difference, static_cast<double>(std::abs(w_rule(i) - w_sgd(i))));
  }
  out << std::fixed << std::setprecision(6);
  out << "                     w1          w2          b    epochs\n";
  out << "perceptron rule " << std::setw(11) << w_rule(0) << std::setw(12) << w_rule(1)
      << std::setw(11) << perceptron.intercept() << std::setw(7) << perceptron.n_iter() << "\n";
  out << "SGD, perceptron " << std::setw(11) << w_sgd(0) << std::setw(12) << w_sgd(1)
      << std::setw(11) << sgd.intercept() << std::setw(7) << sgd.n_iter() << "\n";
  out << "largest difference: " << difference << "\n";
  chapter.result("perceptron_sgd_max_weight_difference", difference);
}
// book:show

/// \output{sgd}
///
/// The largest difference between the two sets of parameters is
/// \result{perceptron_sgd_max_weight_difference}: one algorithm, two descriptions.
///
/// ## What one layer cannot learn: XOR
///
/// Exclusive or (XOR) answers 1 when exactly one of its two inputs is 1. Its yes cases,
/// \f$(0, 1)\f$ and \f$(1, 0)\f$, sit on one diagonal of the square and its no cases on
/// the other, and no straight line puts the two diagonals on different sides. A single
/// TLU draws a straight line, so no choice of weights can compute XOR, and the
/// perceptron rule cycles without ever settling. In 1969 Marvin Minsky and Seymour Papert
/// made this and similar limits widely known, and interest in neural networks faded for
/// more than a decade.
///
/// Stacking units removes the limit. One hidden TLU computes OR, another computes NAND
/// (not both), and an output TLU computes the AND of the two: "at least one, but not both"
/// is XOR. The hidden layer maps the four points to a space where a line does separate
/// them. This is the *multilayer perceptron*:
// book:hide
struct Layer {
  nn::Tensor W;  // (inputs, units): one column of weights per TLU
  nn::Vector b;  // (units,)
};

// book:show
// x: (n, 2) -> (n,): hidden TLUs OR and NAND, then an output TLU computing AND
nn::Labels xor_network(const nn::Tensor& x) {
  const Layer hidden{{{1.0f, -1.0f}, {1.0f, -1.0f}}, {-0.5f, 1.5f}};  // OR, NAND
  const Layer output{{{1.0f}, {1.0f}}, {-1.5f}};                      // AND
  nn::Tensor h = xt::zeros<float>({x.shape(0), std::size_t{2}});
  for (std::size_t unit = 0; unit < 2; ++unit) {
    const nn::Vector w = xt::col(hidden.W, unit);
    xt::col(h, unit) = xt::cast<float>(tlu(x, w, hidden.b(unit)));
  }
  return tlu(h, xt::col(output.W, 0), output.b(0));
}

/// The perceptron trained on the four XOR points reaches an accuracy of
/// \result{xor_perceptron_accuracy|.0%}; the hand-wired two-layer network gets all four
/// right (\result{xor_tlu_network_accuracy|.0%}).
///
/// \output{xor}
///
/// \figure{xor.svg}{XOR: a single perceptron's straight boundary cannot separate the two classes
/// (left); two layers of TLUs can (right)}
///
/// Wiring the weights by hand does not scale, and the perceptron rule has nothing to say
/// about hidden units: it knows the right answer only for the output. Finding the hidden
/// weights from data needs backpropagation, the subject of the next chapter, and for
/// that the hard step has to give way to a smooth activation whose slope tells each weight
/// which way to move.
// book:hide
void show_xor(nn::chapter::Context& chapter) {
  auto& out = chapter.section("xor", "XOR: one layer fails, two layers succeed");
  const nn::Labels xor_labels = {0, 1, 1, 0};
  nn::PerceptronOptions options;
  options.random_state = chapter.seed();
  nn::Perceptron perceptron(options);
  perceptron.fit(kBinaryInputs, xor_labels);
  const nn::Labels single = perceptron.predict(kBinaryInputs);
  const nn::Labels network = xor_network(kBinaryInputs);
  out << "x1  x2   XOR   perceptron   two-layer TLU network\n";
  for (std::size_t row = 0; row < 4; ++row) {
    out << " " << kBinaryInputs(row, 0) << "   " << kBinaryInputs(row, 1) << "    "
        << xor_labels(row) << std::setw(11) << single(row) << std::setw(16) << network(row) << "\n";
  }
  const double network_accuracy = xt::mean(xt::equal(network, xor_labels))();
  out << "accuracy: perceptron " << perceptron.score(kBinaryInputs, xor_labels) << " (after "
      << perceptron.n_iter() << " epochs), network " << network_accuracy << "\n";
  chapter.result("xor_perceptron_accuracy", perceptron.score(kBinaryInputs, xor_labels));
  chapter.result("xor_tlu_network_accuracy", network_accuracy);

  nn::plot::Figure figure(900, 420);
  figure.subplots(1, 2);
  const nn::plot::Extent extent{-0.5, 1.5, -0.5, 1.5};
  auto as_column = [](const nn::Labels& labels) -> nn::Tensor {
    return xt::expand_dims(xt::cast<float>(labels), 1);
  };
  auto& left = figure.axes(0, 0);
  left.decision_regions([&](const nn::Tensor& p) { return as_column(perceptron.predict(p)); },
                        extent);
  left.scatter_classes(kBinaryInputs, xor_labels, {"XOR = 0", "XOR = 1"}, 7);
  left.title("one TLU (perceptron)");
  auto& right = figure.axes(0, 1);
  right.decision_regions([&](const nn::Tensor& p) { return as_column(xor_network(p)); }, extent);
  right.scatter_classes(kBinaryInputs, xor_labels, {"XOR = 0", "XOR = 1"}, 7);
  right.title("two layers of TLUs");
  for (auto* ax : {&left, &right}) {
    ax->xlabel("x1");
    ax->ylabel("x2");
    ax->legend("upper right");
  }
  figure.save(chapter.figure("xor.svg"));
}
// book:show

/// ## Why logistic regression is usually preferred
///
/// A perceptron gives a verdict and nothing else: a flower just across the boundary and
/// one far from it get the same answer, and when the classes overlap the rule never
/// settles. *Logistic regression* keeps the same linear score \f$z\f$ but passes it
/// through the logistic function \f$\sigma(z) = 1 / (1 + e^{-z})\f$ instead of the step,
/// and is trained with SGD on the log loss. It gives a probability, which lets a program
/// weigh the cost of a mistake, rank its answers, or say "not sure":
// book:hide
void show_logistic(nn::chapter::Context& chapter, const IrisTask& iris) {
  auto& out = chapter.section("logistic", "Logistic regression gives probabilities");
  // book:show
  nn::SgdOptions options;
  options.loss = "log_loss";
  options.eta0 = 0.1;
  options.random_state = chapter.seed();
  nn::SgdClassifier logistic(options);
  logistic.fit(iris.x, iris.y);
  auto probability = [&](const nn::Tensor& x) -> nn::Tensor {  // (n, 2) -> (n, 1)
    const nn::Vector z = logistic.decision_function(x);
    return xt::expand_dims(1.0f / (1.0f + xt::exp(-z)), 1);
  };
  // book:hide
  const nn::Perceptron perceptron = train_perceptron(iris, chapter.seed());
  const nn::Tensor p = probability(iris.flowers);
  const nn::Labels verdict = perceptron.predict(iris.flowers);
  out << std::fixed << std::setprecision(3);
  out << "flower        perceptron   logistic regression: P(setosa)\n";
  for (std::size_t row = 0; row < 2; ++row) {
    out << "(" << std::setprecision(1) << iris.flowers(row, 0) << ", " << iris.flowers(row, 1)
        << ")" << std::setw(13) << verdict(row) << std::setprecision(3) << std::setw(20)
        << p(row, 0) << "\n";
  }
  chapter.result("logistic_probabilities", std::vector<double>{p(0, 0), p(1, 0)});
  chapter.result("logistic_accuracy", logistic.score(iris.x, iris.y));

  nn::plot::Figure figure(640, 460);
  auto& ax = figure.axes();
  nn::plot::RegionStyle style;
  style.contour = true;
  ax.decision_regions(probability, nn::plot::padded_extent(iris.x), style);
  ax.scatter_classes(iris.x, iris.y, {"other species", "Iris setosa"});
  ax.xlabel("petal length (cm)");
  ax.ylabel("petal width (cm)");
  ax.legend("lower right");
  figure.save(chapter.figure("logistic.svg"));
}
// book:show

/// \output{logistic}
///
/// The two new flowers get probabilities \result{logistic_probabilities|.3f} of being a
/// setosa. The shading in the next figure is that probability over the whole plane: dark
/// far from the boundary, pale near it, and the line where it crosses one half is the
/// decision boundary.
///
/// \figure{logistic.svg}{Logistic regression on the same flowers: the probability of Iris setosa,
/// with its 0.5 contour}
///
/// The networks in the rest of the book keep this choice. Their units use smooth
/// activations (the logistic function, the hyperbolic tangent, ReLU), their outputs are
/// probabilities or real numbers, and they learn by gradient descent on a loss, of which
/// the perceptron rule was the first example.
///
/// ## Summary
///
/// A threshold logic unit computes a weighted sum of its inputs plus a bias and fires when
/// the sum reaches zero, which draws a straight boundary through its input space. The
/// perceptron rule trains it from mistakes alone: on each wrongly classified example it
/// adds or subtracts that example from the weights, and on data that a line can separate
/// it stops after a finite number of mistakes. The rule is stochastic gradient descent on
/// the perceptron loss, which is how scikit-learn implements it. One unit, or one layer of
/// them, cannot learn XOR; a hidden layer can represent it, but the rule has no target for
/// hidden units and cannot train them. Logistic regression replaces the step by a smooth
/// probability and the mistake count by a loss with a gradient everywhere, the form every
/// later chapter builds on. The next chapter trains hidden layers at last, with
/// backpropagation.
// book:hide
}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "01_perceptron", "Chapter 1: the perceptron (TLUs, the perceptron rule, XOR)", {}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    show_logic_gates(chapter);
    const nn::Iris flowers = nn::load_iris("data/iris.csv");
    IrisTask iris{nn::petal_features(flowers), nn::setosa_vs_rest(flowers)};
    show_rule(chapter, iris);
    show_iris(chapter, iris);
    show_sgd(chapter, iris);
    show_xor(chapter);
    show_logistic(chapter, iris);
  });
}
// book:show
