/// # Classification MLPs: telling clothes apart
///
/// The regression networks of the last chapter answered with a number. Most questions put
/// to a network ask for a category instead: is this e-mail spam, which digit is this, what
/// is in this photograph. A network that answers them is a *classifier*, and it differs from
/// a regressor in two places only: the activation of its output layer, which turns scores
/// into probabilities, and the loss, which measures how much probability went to the right
/// answer. Everything below the output layer stays as it was.
///
/// Classification questions come in three shapes, and each has its own output layer:
///
/// - **binary**: one yes-or-no question (spam or not). One output unit with the logistic
///   (sigmoid) activation gives the probability of "yes".
/// - **multilabel**: several yes-or-no questions about the same input, whose answers do not
///   exclude each other (spam? urgent?). One sigmoid unit per question.
/// - **multiclass**: exactly one answer out of several (which of ten digits). One unit per
///   class, with the *softmax* activation, which makes the probabilities add up to one.
///
/// This chapter trains all three on one data set of clothing images, with the same hidden
/// layers, and then spends most of its time on the third: the image classifier of Géron's
/// chapter 10, trained with Keras's defaults, and examined the way one examines any
/// classifier: learning curves, predictions, and a confusion matrix.
///
/// *Sources.* This chapter follows the part of chapter 10 of Aurélien Géron's *Hands-On
/// Machine Learning with Scikit-Learn, Keras and TensorFlow* that builds an image classifier
/// with the Sequential API (the 300-100 network on Fashion-MNIST, its learning curves,
/// `evaluate` and `predict`), and the article's paragraphs on binary, multilabel and
/// multiclass outputs. Numbers quoted from Géron's published notebooks are marked as quotes
/// and listed, with their sources, at the end of the page.
///
/// ## Fashion-MNIST
///
/// Fashion-MNIST is 70,000 greyscale photographs of clothes from Zalando's catalogue, each
/// 28 × 28 pixels, in ten classes. It was made as a harder stand-in for MNIST, the
/// handwritten digits, on which almost any model now does well. Debian ships it in the
/// package `dataset-fashion-mnist`, and `nn::load_fashion_mnist` reads it from there (or
/// from the folder given to the chapter's `--data-dir`), scales the pixels from 0..255 to
/// [0, 1] and holds the first 5,000 training images out for validation, as the notebook of
/// the book's second edition does (the third edition holds out the last 5,000). The quick
/// run takes fewer images:
// book:hide
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "lib/chapter/chapter.h"
#include "lib/data/fashion_mnist.h"
#include "lib/data/split.h"
#include "lib/error.h"
#include "lib/models/confusion_matrix.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"
#include "lib/plot/image_grid.h"

namespace {

// What Keras printed for the same model, data and settings (SGD(0.01), batch 32, Glorot
// uniform kernels) in the published notebooks of Géron's chapter 10, second and third
// editions: data/reference_results.json holds each number with its source.
constexpr const char* kReferences = "data/reference_results.json";

const std::string kGreen = "#1a7f37", kRed = "#cf222e";

// book:show
nn::FashionMnist load_data(const nn::chapter::Context& chapter) {
  // A quick run: 2,000 validation images held out, 10,000 to train on, 2,000 to test.
  return nn::load_fashion_mnist(
      nn::chapter_subset(chapter.option("data-dir"), chapter.quick(), 2000, 10000, 2000));
}

/// \output{data}
///
/// \figure{samples.svg}{The first sixteen training images of Fashion-MNIST, with their classes}
///
/// Each image is one row of 784 numbers. The network sees no picture, only a list of
/// brightnesses, and has to find out for itself which pixels matter. The classes are almost
/// exactly balanced, so a model that always gives the same answer would be right one time
/// in ten.
// book:hide
nn::Tensor first_rows(const nn::Tensor& x, std::size_t n) {
  return xt::view(x, xt::range(0, n), xt::all());
}

std::vector<double> to_vector(const nn::Tensor& column) { return {column.begin(), column.end()}; }

void show_data(nn::chapter::Context& chapter, const nn::FashionMnist& data) {
  auto& out = chapter.section("data", "Fashion-MNIST, split and scaled");
  out << "x_train " << nn::shape_string(data.x_train) << "   y_train "
      << nn::shape_string(data.y_train) << "\n";
  out << "x_valid " << nn::shape_string(data.x_validation) << "    y_valid "
      << nn::shape_string(data.y_validation) << "\n";
  out << "x_test  " << nn::shape_string(data.x_test) << "   y_test  "
      << nn::shape_string(data.y_test) << "\n";
  out << "pixels from " << xt::amin(data.x_train)() << " to " << xt::amax(data.x_train)() << "\n\n";
  out << "label  class         training images\n";
  for (std::size_t k = 0; k < data.class_names.size(); ++k) {
    const int count = xt::sum(xt::equal(data.y_train, static_cast<int>(k)))();
    out << std::setw(5) << k << "  " << std::left << std::setw(14) << data.class_names[k]
        << std::right << std::setw(15) << count << "\n";
  }
  chapter.result("train_images", data.x_train.shape(0));
  chapter.result("validation_images", data.x_validation.shape(0));
  chapter.result("test_images", data.x_test.shape(0));

  std::vector<std::string> captions;
  for (std::size_t i = 0; i < 16; ++i) captions.push_back(data.class_names[data.y_train(i)]);
  nn::plot::image_grid(first_rows(data.x_train, 16), 28, 28, 8, captions)
      .save(chapter.figure("samples.svg"));
}
// book:show

/// ## Binary classification: one sigmoid output
///
/// The simplest question to ask about an image is a yes-or-no one. Let us ask whether the
/// item is footwear: a sandal, a sneaker or an ankle boot. The targets are new labels made
/// from the old ones, 1 for the three shoe classes and 0 for the seven others. Below, a
/// question is the set of classes that answer yes, and `yes_no_targets` turns the class
/// labels into one column of answers per question (the other two questions will serve in
/// the next section):
// book:hide
// Fashion-MNIST's labels: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal,
// 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot.
// book:show
const std::set<int> kFootwear = {5, 7, 9};         // Sandal, Sneaker, Ankle boot
const std::set<int> kUpperBody = {0, 2, 3, 4, 6};  // T-shirt/top, Pullover, Dress, Coat, Shirt
const std::set<int> kWarm = {2, 4, 9};             // Pullover, Coat, Ankle boot

// y: (n,) classes -> (n, questions) of 0 and 1
nn::Tensor yes_no_targets(const nn::Labels& y, const std::vector<std::set<int>>& questions) {
  nn::Tensor targets = xt::zeros<float>({y.size(), questions.size()});
  for (std::size_t i = 0; i < y.size(); ++i) {
    for (std::size_t q = 0; q < questions.size(); ++q) targets(i, q) = questions[q].count(y(i));
  }
  return targets;
}

/// The network is the one we will use for all three tasks: the image flattened to 784
/// inputs, two hidden layers of 300 and 100 ReLU units, and an output layer that depends on
/// the question:
nn::Sequential classifier(int outputs, const std::string& output_activation) {
  return nn::Sequential({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                         nn::Dense(outputs, output_activation)});
}

/// For a yes-or-no question the output layer is a single unit whose weighted sum \f$z\f$
/// goes through the logistic function,
///
/// \f[ p = \sigma(z) = \frac{1}{1 + e^{-z}}, \f]
///
/// so that the output lies between 0 and 1 and reads as the probability that the answer is
/// yes. The loss is the *binary cross-entropy*: minus the log of the probability the network
/// gave to what turned out to be true, averaged over the \f$N\f$ examples of a batch,
///
/// \f[ L = -\frac{1}{N} \sum_{i=1}^{N} \bigl[\, t_i \log p_i + (1 - t_i) \log(1 - p_i) \,\bigr],
///     \qquad \frac{\partial L}{\partial z_i} = \frac{p_i - t_i}{N}. \f]
///
/// A confident right answer costs almost nothing; a confident wrong one costs a lot, since
/// \f$-\log p\f$ grows without bound as \f$p\f$ goes to 0. The gradient on the right is why
/// the two are used together: the sigmoid's slope \f$\sigma'(z) = p(1 - p)\f$ cancels
/// against the derivative of the logarithm, and what reaches \f$z\f$ is simply the error
/// \f$p - t\f$. With a squared error the gradient would keep the factor \f$p(1 - p)\f$,
/// which is close to zero when the unit is confidently wrong, exactly when it most needs to
/// learn. (The library computes the loss from \f$z\f$ rather than from \f$p\f$: the same
/// value, without ever taking the logarithm of a probability rounded to zero.)
///
/// Training looks exactly like training the regression networks, with another loss and an
/// accuracy to watch. The fits of this section and the next share their options: no
/// progress bar, and the chapter's seed for the order of the batches.
nn::FitOptions quiet_fit(const nn::chapter::Context& chapter, int epochs) {
  nn::FitOptions options;  // batch_size = 32
  options.epochs = epochs;
  options.seed = chapter.seed();
  options.verbose = 0;
  return options;
}

// book:hide

void show_binary(nn::chapter::Context& chapter, const nn::FashionMnist& data, int epochs) {
  auto& out = chapter.section("binary", "Binary: is it footwear?");
  nn::set_random_seed(chapter.seed());
  // book:show
  const nn::Tensor t_train = yes_no_targets(data.y_train, {kFootwear});  // (55000, 1)
  const nn::Tensor t_valid = yes_no_targets(data.y_validation, {kFootwear});
  const nn::Tensor t_test = yes_no_targets(data.y_test, {kFootwear});
  nn::Sequential footwear = classifier(1, "sigmoid");
  footwear.compile("binary_crossentropy", nn::SGD(0.01), {"accuracy"});
  nn::FitOptions options = quiet_fit(chapter, epochs);
  options.validation_data = {{data.x_validation, t_valid}};
  footwear.fit(data.x_train, t_train, options);
  const nn::Logs test = footwear.evaluate(data.x_test, t_test, 32, /*verbose=*/0);
  const nn::Tensor p = footwear.predict(first_rows(data.x_test, 6));  // (6, 1)
  // book:hide
  const double baseline = 1.0 - xt::mean(t_test)();
  out << std::fixed << std::setprecision(4);
  out << "after " << epochs << " epochs: test loss " << test.at("loss") << ", test accuracy "
      << test.at("accuracy") << "\n";
  out << "always answering 'not footwear' would score " << baseline << "\n\n";
  out << "first test images   P(footwear)\n";
  for (std::size_t i = 0; i < p.shape(0); ++i) {
    out << std::left << std::setw(20) << data.class_names[data.y_test(i)] << std::right
        << std::setw(11) << p(i, 0) << "\n";
  }
  chapter.result("binary_epochs", epochs);
  chapter.result("binary_test_accuracy", test.at("accuracy"));
  chapter.result("binary_baseline_accuracy", baseline);
  chapter.result("binary_probabilities", to_vector(p));
}
// book:show

/// \output{binary}
///
/// After \result{binary_epochs} epochs the network tells shoes from the rest on
/// \result{binary_test_accuracy|.2%} of the test images. That number needs a yardstick:
/// three classes in ten are shoes, so a "network" that always says no is already right
/// \result{binary_baseline_accuracy|.1%} of the time. Accuracy on an unbalanced question
/// always has to be read against such a baseline. The probabilities are what the sigmoid
/// buys over the perceptron's hard verdict: most images get one very close to 0 or to 1,
/// and the few that do not are the ones worth a second look.
///
/// ### A rare class, and class weights
///
/// Shoes are three classes in ten. Many real questions are far more lopsided: one fraudulent
/// payment in a thousand, one faulty part in a hundred. To make one, we ask "is it a bag?"
/// and keep only one training bag in twenty, so that bags are
/// \result{class_weight.positive_share|.1%} of the training images. A network trained on
/// that learns above all that the answer is almost always no.
///
/// Keras's remedy is one argument of `fit`. `class_weight` maps each class to a weight, and
/// every example's loss is multiplied by its class's weight before the batch's mean is
/// taken (`sample_weight` does the same with one weight per example; the two multiply). With
/// the weights \f$n / (2 n_c)\f$ for a class of \f$n_c\f$ examples out of \f$n\f$, both
/// classes weigh the same in the loss, here \result{class_weight.weights.0|.2f} for "no" and
/// \result{class_weight.weights.1|.1f} for "yes". In this library, as in Keras, the weighted
/// loss of a batch of \f$N\f$ rows is \f$\frac{1}{N}\sum_i w_i \ell_i\f$, divided by the
/// number of rows, not by the sum of the weights.
///
/// The example also holds out its validation images the other way Keras offers:
/// `validation_split = 0.1` keeps the *last* tenth of the rows it is given for validation,
/// taken before any shuffling (so data sorted by class would give a validation set of one
/// class: shuffle first if it is sorted).
std::map<int, double> balanced_class_weight(const nn::Tensor& t) {  // t: (n, 1) of 0 and 1
  const double n = t.shape(0), positives = xt::sum(t)();
  return {{0, n / (2 * (n - positives))}, {1, n / (2 * positives)}};
}

nn::Sequential train_bag_detector(const nn::Tensor& x, const nn::Tensor& t,
                                  const std::map<int, double>& class_weight,
                                  const nn::chapter::Context& chapter, int epochs) {
  nn::set_random_seed(chapter.seed());
  nn::Sequential model = classifier(1, "sigmoid");
  model.compile("binary_crossentropy", nn::SGD(0.01), {"accuracy"});
  nn::FitOptions options = quiet_fit(chapter, epochs);
  options.validation_split = 0.1;       // the last 10% of the rows, before shuffling
  options.class_weight = class_weight;  // empty: every example weighs 1
  model.fit(x, t, options);
  return model;
}
// book:hide
// The share of the test images of the positive class that the model calls positive, and the
// share of its "yes" answers that are right.
std::pair<double, double> recall_precision(nn::Sequential& model, const nn::Tensor& x,
                                           const nn::Tensor& t) {
  const nn::Labels said = nn::predicted_classes(model.predict(x));  // (n,): p >= 0.5
  double true_yes = 0, yes = 0, positives = 0;
  for (std::size_t i = 0; i < said.size(); ++i) {
    positives += t(i, 0);
    yes += said(i);
    true_yes += said(i) * t(i, 0);
  }
  return {true_yes / positives, yes > 0 ? true_yes / yes : 0.0};
}

void show_class_weight(nn::chapter::Context& chapter, const nn::FashionMnist& data, int epochs) {
  auto& out = chapter.section("class_weight", "A rare class: bags, with and without class weights");
  const std::set<int> kBag = {8};
  std::vector<std::size_t> rows;  // every image that is not a bag, and one bag in twenty
  int bags = 0;
  for (std::size_t i = 0; i < data.y_train.size(); ++i) {
    if (data.y_train(i) != 8 || bags++ % 20 == 0) rows.push_back(i);
  }
  const nn::Tensor x = nn::take_rows(data.x_train, rows);
  const nn::Tensor t = yes_no_targets(nn::take_rows(data.y_train, rows), {kBag});  // (n, 1)
  const nn::Tensor t_test = yes_no_targets(data.y_test, {kBag});
  const std::map<int, double> weights = balanced_class_weight(t);
  nn::Sequential plain = train_bag_detector(x, t, {}, chapter, epochs);
  nn::Sequential weighted = train_bag_detector(x, t, weights, chapter, epochs);
  const auto [recall_plain, precision_plain] = recall_precision(plain, data.x_test, t_test);
  const auto [recall_weighted, precision_weighted] =
      recall_precision(weighted, data.x_test, t_test);
  const double share = xt::mean(t)();
  out << std::fixed << std::setprecision(4);
  out << x.shape(0) << " training images, of which " << static_cast<int>(xt::sum(t)()) << " bags ("
      << 100 * share << "%); the test set keeps all its bags\n";
  out << "class weights: no " << weights.at(0) << ", yes " << weights.at(1) << "\n\n";
  out << "                  recall of bags   precision\n";
  out << "without weights" << std::setw(17) << recall_plain << std::setw(12) << precision_plain
      << "\n";
  out << "with weights   " << std::setw(17) << recall_weighted << std::setw(12)
      << precision_weighted << "\n";
  chapter.result("class_weight", {{"positive_share", share},
                                  {"weights", {weights.at(0), weights.at(1)}},
                                  {"minority_recall_unweighted", recall_plain},
                                  {"minority_recall_weighted", recall_weighted},
                                  {"minority_precision_unweighted", precision_plain},
                                  {"minority_precision_weighted", precision_weighted}});
}
// book:show

/// \output{class_weight}
///
/// Without weights the network finds \result{class_weight.minority_recall_unweighted|.1%} of
/// the test set's bags; with them, \result{class_weight.minority_recall_weighted|.1%}. The
/// price is paid in the other direction: a weighted network says "bag" more readily, and
/// the share of its "yes" answers that are right (its *precision*) goes from
/// \result{class_weight.minority_precision_unweighted|.1%} to
/// \result{class_weight.minority_precision_weighted|.1%}. Which balance is right depends on
/// what each kind of mistake costs, which is a question about the application, not about
/// the network.
///
/// ## Multilabel classification: one sigmoid per question
///
/// Now ask several yes-or-no questions about each image at once: is it footwear, is it worn
/// on the upper body, and is it something for cold weather (a pullover, a coat, an ankle
/// boot)? An ankle boot answers yes to the first and the third, a pullover to the second
/// and the third, a bag to none. The answers do not exclude each other, so no single class
/// label can hold them. An e-mail filter that flags messages as spam and as urgent is the
/// same kind of task, and so is tagging photographs.
///
/// The output layer gets one sigmoid unit per question, each giving its own probability,
/// and the loss is the binary cross-entropy of every unit, averaged over the units as well
/// as the examples. The units share the hidden layers, so what the network learns about
/// shapes and textures for one question serves the others; but their outputs do not
/// compete, and nothing makes them add up to anything. In code, only the number of outputs
/// and the targets change:
// book:hide
void show_multilabel(nn::chapter::Context& chapter, const nn::FashionMnist& data, int epochs) {
  auto& out = chapter.section("multilabel", "Multilabel: footwear? upper body? warm?");
  nn::set_random_seed(chapter.seed());
  // book:show
  const std::vector<std::set<int>> questions = {kFootwear, kUpperBody, kWarm};
  const nn::Tensor t_train = yes_no_targets(data.y_train, questions);  // (55000, 3)
  const nn::Tensor t_valid = yes_no_targets(data.y_validation, questions);
  const nn::Tensor t_test = yes_no_targets(data.y_test, questions);
  nn::Sequential tagger = classifier(3, "sigmoid");
  tagger.compile("binary_crossentropy", nn::SGD(0.01), {"accuracy", "binary_accuracy"});
  nn::FitOptions options = quiet_fit(chapter, epochs);
  options.validation_data = {{data.x_validation, t_valid}};
  tagger.fit(data.x_train, t_train, options);
  const nn::Logs test = tagger.evaluate(data.x_test, t_test, 32, /*verbose=*/0);
  const nn::Tensor p = tagger.predict(data.x_test);  // (10000, 3)
  // book:hide
  const std::size_t n = p.shape(0);
  std::vector<double> per_question(3, 0.0);
  std::size_t all_right = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bool every = true;
    for (std::size_t q = 0; q < 3; ++q) {
      const bool right = (p(i, q) > 0.5f) == (t_test(i, q) == 1.0f);
      per_question[q] += right;
      every = every && right;
    }
    all_right += every;
  }
  for (double& share : per_question) share /= n;
  const double exact_match = static_cast<double>(all_right) / n;
  out << std::fixed << std::setprecision(4);
  out << "after " << epochs << " epochs: test loss " << test.at("loss") << "\n";
  out << "binary_accuracy " << test.at("binary_accuracy") << " (each answer to each question)\n";
  out << "\"accuracy\"       " << test.at("accuracy")
      << " (categorical: the argmax of the outputs against that of the targets)\n";
  out << "accuracy per question: footwear " << per_question[0] << ", upper body " << per_question[1]
      << ", warm " << per_question[2] << "\n";
  out << "images with all three answers right: " << exact_match << "\n\n";
  out << "first test images   P(footwear)  P(upper body)  P(warm)\n";
  for (std::size_t i = 0; i < 6; ++i) {
    out << std::left << std::setw(20) << data.class_names[data.y_test(i)] << std::right
        << std::setw(11) << p(i, 0) << std::setw(15) << p(i, 1) << std::setw(9) << p(i, 2) << "\n";
  }
  chapter.result("multilabel_epochs", epochs);
  chapter.result("multilabel_test_accuracy", test.at("binary_accuracy"));
  chapter.result("multilabel_accuracy_as_categorical", test.at("accuracy"));
  chapter.result("multilabel_exact_match", exact_match);
  chapter.result(
      "multilabel_question_accuracy",
      {{"footwear", per_question[0]}, {"upper_body", per_question[1]}, {"warm", per_question[2]}});
}
// book:show

/// \output{multilabel}
///
/// The metric holds a trap. Keras's `"accuracy"` is a shorthand that picks a definition
/// from the shapes of the targets and the outputs: binary accuracy for a single output,
/// sparse categorical accuracy for class indices, and otherwise categorical accuracy, which
/// compares the largest output with the largest target. Three sigmoid outputs against
/// three columns of targets fall under "otherwise", and the number reported,
/// \result{multilabel_accuracy_as_categorical|.2%}, answers a question nobody asked (whether
/// the question with the highest probability is the first one whose answer is yes). The library
/// follows Keras here, so ask for `"binary_accuracy"` by name: it thresholds each output at 0.5 and
/// counts every answer to every question once, and \result{multilabel_test_accuracy|.2%} of the
/// test set's answers are right. A stricter score asks for all three answers about an image to be
/// right at once (the *exact match ratio*, which is what scikit-learn's `accuracy_score`
/// computes on multilabel targets): \result{multilabel_exact_match|.2%} of the images pass
/// it. Which of the two matters depends on the use; the gap between them says how the
/// errors are spread.
///
/// ## Multiclass classification: softmax
///
/// Finally, the question the data set was made for: which of the ten classes is this? Each
/// image belongs to exactly one, so the ten outputs should behave as a probability
/// distribution, each between 0 and 1 and all ten adding up to 1. The *softmax* activation
/// does this to the output layer's ten weighted sums \f$z_1, \dots, z_K\f$ (the *logits*):
///
/// \f[ p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}, \qquad k = 1, \dots, K. \f]
///
/// The exponential makes every score positive and exaggerates the differences between them;
/// the division makes them sum to one. Raising one class's logit lowers every other class's
/// probability: the outputs compete, which is right when only one answer can be true (and
/// wrong for the multilabel task above). Adding the same number to every logit changes
/// nothing, and the library uses this to compute softmax safely: it subtracts the largest
/// logit first, so that \f$e^{z}\f$ never overflows.
///
/// The loss is the *categorical cross-entropy*: minus the log of the probability given to
/// the true class \f$y\f$. With the target written as a one-hot vector \f$t\f$ (1 for the
/// true class, 0 elsewhere),
///
/// \f[ L = -\frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K} t_{ik} \log p_{ik}
///       = -\frac{1}{N} \sum_{i=1}^{N} \log p_{i, y_i}, \qquad
///     \frac{\partial L}{\partial z_{ik}} = \frac{p_{ik} - t_{ik}}{N}. \f]
///
/// The gradient is, once again, prediction minus target: softmax and cross-entropy fit
/// together as the sigmoid and the binary cross-entropy do (with two classes, softmax *is*
/// the sigmoid of the difference of the two logits).
///
/// Nor does the library multiply the softmax's own derivative by the loss's: when the loss
/// sees that its input came straight from a softmax (or a sigmoid), it takes that node's
/// input, the logits, and works on them (the first listing). For class indices as targets,
/// the form this chapter uses, the loss is then \f$\log \sum_k e^{z_k} - z_y\f$, with the
/// largest logit taken out of the sum so that nothing overflows, and the gradient is the
/// formula above, one subtraction per row: look for `p − onehot(y)` (the second listing).
///
/// \library{lib/losses/crossentropy.cc}{crossentropy_fusion}{The loss skips a softmax or sigmoid
/// right before it and works on the logits.}
///
/// \library{lib/losses/crossentropy.cc}{softmax_crossentropy}{The sparse categorical cross-entropy
/// on logits: the loss and its gradient.}
///
/// Keras has two names for this loss,
/// for two ways of writing the targets: `categorical_crossentropy` takes one-hot rows,
/// (n, 10), and `sparse_categorical_crossentropy` takes the class indices themselves, (n,),
/// which is how Fashion-MNIST's labels come. The network is the one Géron's chapter 10 trains
/// on Fashion-MNIST: two ReLU hidden layers of 300 and 100 units and a softmax output.
///
/// It is built with the Sequential API that chapter 2 set beside Keras's:
nn::Sequential build_model() {
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});
  return model;
}

/// \output{summary}
///
/// `summary()` prints Keras's table. The first Dense layer has a weight for every pair of
/// its 784 inputs and 300 units, plus 300 biases: \f$784 \times 300 + 300 = 235{,}500\f$.
/// The second has \f$300 \times 100 + 100 = 30{,}100\f$, the output layer
/// \f$100 \times 10 + 10 = 1{,}010\f$, and the model \result{parameter_count|,} in all.
/// Flatten has none: it only records that each example was a 28 × 28 image. The kernels
/// start as Keras's do, *Glorot uniform*: drawn uniformly from
/// \f$\pm\sqrt{6 / (n_\text{in} + n_\text{out})}\f$; the biases start at 0. Glorot chose
/// that spread so that, for activations symmetric around zero such as tanh, the signal
/// neither grows nor fades from layer to layer. ReLU is not symmetric: it zeroes half of
/// what it receives, and for ReLU layers *He* initialisation is the better choice; a
/// section below measures the difference.
///
/// `compile` chose the loss, the optimizer (plain SGD with Keras's default learning rate,
/// 0.01) and the metric. Training is one call: \result{epochs} epochs of batches of 32,
/// that is, \result{steps_per_epoch|,} gradient steps per epoch over the
/// \result{train_images|,} training images, with the validation images evaluated after
/// each epoch. With `verbose = 1`, `fit` draws Keras's progress bar; for the book we pass
/// a callback instead, an object whose methods `fit` calls at fixed moments, which prints
/// one line per epoch and times it:
class EpochTable : public nn::Callback {
 public:
  explicit EpochTable(std::ostream& out) : out_(&out) {}
  void on_train_begin(nn::Logs&) override {
    *out_ << "epoch    loss  accuracy  val_loss  val_accuracy  seconds\n";
  }
  void on_epoch_begin(int, nn::Logs&) override { start_ = std::chrono::steady_clock::now(); }
  void on_epoch_end(int epoch, nn::Logs& logs) override {
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
    *out_ << std::setw(5) << epoch + 1 << std::fixed << std::setprecision(4) << std::setw(8)
          << logs["loss"] << std::setw(10) << logs["accuracy"] << std::setw(10) << logs["val_loss"]
          << std::setw(14) << logs["val_accuracy"] << std::setw(9) << std::setprecision(2)
          << seconds.back() << "\n";
  }
  std::vector<double> seconds;  // one per epoch

 private:
  std::ostream* out_;
  std::chrono::steady_clock::time_point start_;
};

nn::History train(nn::Sequential& model, const nn::FashionMnist& data, int epochs,
                  std::uint64_t seed, const std::shared_ptr<EpochTable>& table) {
  nn::FitOptions options;  // batch_size = 32
  options.epochs = epochs;
  options.validation_data = {{data.x_validation, data.y_validation}};
  options.callbacks = {table};
  options.verbose = 0;  // no progress bar: the table instead
  options.seed = seed;  // the order of the batches
  return model.fit(data.x_train, data.y_train, options);
}

/// \output{training}
///
/// \figure{learning_curves.svg}{Learning curves of the Fashion-MNIST classifier: loss (left)
/// and accuracy (right), on the training set (running means over each epoch, drawn half an
/// epoch early) and on the validation set (after each epoch)}
///
/// After \result{epochs} epochs the validation accuracy is \result{val_accuracy|.4f}; Keras,
/// trained the same way in Géron's published notebooks, reached
/// \reference{ml2.fashion.epoch30.val_accuracy} (second edition) and
/// \reference{ml3.fashion.epoch30.val_accuracy} (third). The first epoch alone ends at
/// \result{first_epoch.val_accuracy|.4f}: most of what this network will learn, it learns at once,
/// and the remaining epochs win a few points more, slowly. Each epoch took
/// \result{seconds_per_epoch|.2f} s with \result{blas_threads} thread(s) for the matrix products,
/// and the whole program, with every image in memory as 32-bit floats, peaked at
/// \result{peak_memory_mb|.0f} MB. A few things in the curves are worth knowing how to read:
///
/// - The training numbers are means over the epoch while the weights were still changing,
///   the validation numbers are measured at its end; to compare them fairly, shift the
///   training curve half an epoch to the left, as the figure does.
/// - The training loss keeps falling; the validation loss falls more and more slowly and
///   wanders. The gap between them is the beginning of *overfitting*: the network starts to
///   learn the training images themselves rather than what generalises. It is still small
///   here, and the validation accuracy has levelled off rather than turned down: a few
///   more epochs would gain little, and cost little. Once it turns down, training should
///   stop, which is what an early-stopping callback does automatically.
/// - The validation curve is noisy because \result{validation_images|,} images are not
///   many: a tenth of a percentage point is a handful of images.
// book:hide
void plot_learning_curves(nn::chapter::Context& chapter, const nn::History& history) {
  std::vector<double> epochs, shifted;
  for (std::size_t e = 1; e <= history.history.at("loss").size(); ++e) {
    epochs.push_back(e);
    shifted.push_back(e - 0.5);
  }
  nn::plot::Figure figure(740, 340);
  figure.subplots(1, 2);
  for (int panel = 0; panel < 2; ++panel) {
    const std::string key = panel == 0 ? "loss" : "accuracy";
    auto& ax = figure.axes(0, panel);
    ax.plot(shifted, history.history.at(key), {"training " + key, "#0072b2"});
    ax.plot(epochs, history.history.at("val_" + key), {"validation " + key, "#d55e00"});
    ax.xlabel("epoch");
    ax.ylabel(key);
    ax.legend(panel == 0 ? "upper right" : "lower right");
  }
  figure.save(chapter.figure("learning_curves.svg"));
}

void show_training(nn::chapter::Context& chapter, nn::Sequential& model,
                   const nn::FashionMnist& data, int epochs) {
  auto& out = chapter.section("training", "model.fit(): " + std::to_string(epochs) + " epochs");
  auto table = std::make_shared<EpochTable>(out);
  const nn::History history = train(model, data, epochs, chapter.seed(), table);
  double total = 0.0;
  for (double s : table->seconds) total += s;
  const double per_epoch = total / table->seconds.size();
  out << "\n"
      << std::fixed << std::setprecision(2) << per_epoch << " s per epoch ("
      << data.x_train.shape(0) << " images, " << nn::blas_threads() << " thread(s) for the "
      << "matrix products)\n";
  chapter.result("blas_threads", nn::blas_threads());
  const auto& h = history.history;
  chapter.result("epochs", epochs);
  chapter.result("steps_per_epoch", (data.x_train.shape(0) + 31) / 32);
  chapter.result("seconds_per_epoch", per_epoch);
  chapter.result("val_accuracy", h.at("val_accuracy").back());
  chapter.result("val_loss", h.at("val_loss").back());
  chapter.result("train_accuracy", h.at("accuracy").back());
  chapter.result("first_epoch", {{"loss", h.at("loss").front()},
                                 {"accuracy", h.at("accuracy").front()},
                                 {"val_loss", h.at("val_loss").front()},
                                 {"val_accuracy", h.at("val_accuracy").front()}});
  chapter.result("history", h);
  plot_learning_curves(chapter, history);
}
// book:show

/// ## Evaluating and predicting
///
/// The validation set helped us watch training; the test set, untouched until now, says
/// how the network does on images it has never had any say about. `evaluate` returns the
/// loss and the metrics on it, and `predict` the ten probabilities for each image:
// book:hide
void show_evaluation(nn::chapter::Context& chapter, nn::Sequential& model,
                     const nn::FashionMnist& data) {
  auto& out = chapter.section("evaluate", "model.evaluate() and model.predict()");
  // book:show
  const nn::Logs test = model.evaluate(data.x_test, data.y_test, 32, /*verbose=*/0);
  const nn::Tensor y_proba = model.predict(first_rows(data.x_test, 3));  // (3, 10)
  const nn::Labels y_pred = nn::predicted_classes(y_proba);              // argmax: (3,)
  // book:hide
  out << std::fixed << std::setprecision(4);
  out << "test loss " << test.at("loss") << ", test accuracy " << test.at("accuracy") << "\n\n";
  out << "probabilities of the ten classes for the first three test images:\n";
  out << std::setprecision(2);
  std::vector<int> predicted, truth;
  std::vector<std::string> names;
  std::vector<double> confidence;
  for (std::size_t i = 0; i < 3; ++i) {
    out << "  [";
    for (std::size_t k = 0; k < 10; ++k) out << (k ? " " : "") << y_proba(i, k);
    out << "]  -> " << y_pred(i) << " " << data.class_names[y_pred(i)]
        << " (true: " << data.class_names[data.y_test(i)] << ")\n";
    predicted.push_back(y_pred(i));
    names.push_back(data.class_names[y_pred(i)]);
    truth.push_back(data.y_test(i));
    confidence.push_back(y_proba(i, y_pred(i)));
  }
  chapter.result("test_accuracy", test.at("accuracy"));
  chapter.result("test_loss", test.at("loss"));
  chapter.result("first_test_predictions", predicted);
  chapter.result("first_test_labels", truth);
  chapter.result("first_test_predicted_names", names);
  chapter.result("first_test_confidence", confidence);
}
// book:show

/// \output{evaluate}
///
/// The test accuracy is \result{test_accuracy|.4f}. It usually comes out a little below
/// the validation accuracy when the validation set has guided choices such as the number of
/// epochs or the learning rate; here it guided none, and the two differ only as two samples
/// of images do. For the first three test images the network answers classes
/// \result{first_test_predictions} (\result{first_test_predicted_names}; the true classes
/// are \result{first_test_labels}), giving the class it chose a probability of
/// \result{first_test_confidence|.3f}. A high
/// probability is no guarantee, though; the next figure shows forty test images with the
/// network's answers.
///
/// \figure{predictions.svg}{The first forty test images with the network's answer; green when
/// right, red when wrong, with the true class underneath}
///
/// Among these forty, \result{grid_wrong} answers are wrong, and \result{grid_wrong_lookalike}
/// of those confuse two classes that look alike: two garments for the upper body (a dress
/// counted with them), or one shoe for another. At 28 × 28 pixels in grey, and seen by a
/// network that does not know which pixels are neighbours, such classes are genuinely hard
/// to tell apart; the confusion matrix below counts this over the whole test set.
///
/// ### Keras's numbers, and ours
///
/// Géron's chapter trains this very model, with the same data and settings. The
/// library computes what Keras computes (the same Glorot initialisation, the same batches
/// of 32, the same SGD update, the same losses and running means), but it cannot draw
/// TensorFlow's random numbers: the two start from different weights and shuffle the
/// batches differently, and a Keras run with another seed differs from the first by as
/// much: the two published runs of the notebook, one per edition, differ from each other by
/// \result{keras.editions_gap_epoch1_loss|.2f} in the first epoch's loss. What can be
/// compared is where they end up:
///
/// \output{keras}
///
/// \result{keras.verdict}
// book:hide
// A published number from data/reference_results.json, e.g. "ml3.fashion.test_accuracy".
double quoted(const nlohmann::json& references, const std::string& key) {
  return references.at("values").at(key).at("value").get<double>();
}

void show_keras_comparison(nn::chapter::Context& chapter) {
  auto& out = chapter.section("keras", "This library and Keras on the same model");
  std::ifstream file(kReferences);
  if (!file) throw nn::Error(std::string(kReferences) + ": cannot open the quoted numbers");
  const nlohmann::json references = nlohmann::json::parse(file);
  const nlohmann::json& r = chapter.results();
  const int epochs = r.at("epochs");
  const nlohmann::json& first = r.at("first_epoch");
  const auto row = [&](const std::string& when, const std::string& what, double ours,
                       const std::string& key) {
    out << std::left << std::setw(10) << when << std::setw(16) << what << std::right << std::fixed
        << std::setprecision(4) << std::setw(10) << ours << std::setw(13)
        << quoted(references, "ml2.fashion." + key) << std::setw(13)
        << quoted(references, "ml3.fashion." + key) << "\n";
  };
  out << std::string(26, ' ') << "this book   Keras (2nd)  Keras (3rd)\n";
  row("epoch 1:", "loss", first.at("loss"), "epoch1.loss");
  row("", "accuracy", first.at("accuracy"), "epoch1.accuracy");
  row("", "val_accuracy", first.at("val_accuracy"), "epoch1.val_accuracy");
  row("epoch " + std::to_string(epochs) + ":", "val_accuracy", r.at("val_accuracy"),
      "epoch30.val_accuracy");
  row("test:", "accuracy", r.at("test_accuracy"), "test_accuracy");
  out << "\n(Keras columns quoted from Géron's published notebooks; sources in " << kReferences
      << ")\n";
  // How far the final accuracies are from each published run, and the runs from each other.
  double gap = 0.0;
  for (const std::string edition : {"ml2", "ml3"}) {
    gap = std::max(gap, std::abs(r.at("val_accuracy").get<double>() -
                                 quoted(references, edition + ".fashion.epoch30.val_accuracy")));
    gap = std::max(gap, std::abs(r.at("test_accuracy").get<double>() -
                                 quoted(references, edition + ".fashion.test_accuracy")));
  }
  const double editions_gap = std::abs(quoted(references, "ml2.fashion.epoch1.loss") -
                                       quoted(references, "ml3.fashion.epoch1.loss"));
  std::ostringstream verdict;
  if (chapter.quick()) {
    out << "(a quick run: fewer images and epochs than Keras's, so not comparable)\n";
    verdict << "This page comes from a quick run, which trains on fewer images for fewer "
               "epochs than the notebooks did, so its numbers are not comparable with theirs; "
               "the full run (`./book run classification`) is.";
  } else {
    verdict << std::fixed << std::setprecision(1) << "After " << epochs
            << " epochs, this book's validation and test accuracies are each within " << 100.0 * gap
            << " percentage points of both published runs.";
  }
  chapter.result("keras", {{"max_final_gap", gap},
                           {"editions_gap_epoch1_loss", editions_gap},
                           {"verdict", verdict.str()}});
}

// Where the mistakes fall: among the tops (T-shirt, pullover, coat, shirt), among the shoes
// (sandal, sneaker, ankle boot), and how rarely trousers and bags are mistaken.
const std::set<int> kTops = {0, 2, 4, 6}, kShoes = {5, 7, 9};

void show_error_groups(nn::chapter::Context& chapter, const nn::ConfusionMatrix& cm,
                       const std::vector<double>& recall) {
  int errors = 0, among_tops = 0, shoe_errors = 0, shoe_for_shoe = 0;
  for (int i = 0; i < 10; ++i) {
    for (int j = 0; j < 10; ++j) {
      if (i == j) continue;
      errors += cm(i, j);
      if (kTops.count(i) && kTops.count(j)) among_tops += cm(i, j);
      if (kShoes.count(i)) {
        shoe_errors += cm(i, j);
        if (kShoes.count(j)) shoe_for_shoe += cm(i, j);
      }
    }
  }
  chapter.result("errors", {{"among_tops_share", errors ? double(among_tops) / errors : 0.0},
                            {"shoe_taken_for_shoe_share",
                             shoe_errors ? double(shoe_for_shoe) / shoe_errors : 0.0},
                            {"trouser_recall", recall[1]},
                            {"bag_recall", recall[8]}});
}

// How many of the grid's wrong answers confuse two tops or two shoes.
int lookalike_mistakes(const nn::FashionMnist& data, const nn::Labels& y_pred, std::size_t n) {
  int count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int t = data.y_test(i), p = y_pred(i);
    const std::set<int> upper_body = {0, 2, 3, 4, 6};  // the tops and the dress
    const bool both_upper = upper_body.count(t) && upper_body.count(p);
    if (t != p && (both_upper || (kShoes.count(t) && kShoes.count(p)))) ++count;
  }
  return count;
}

void show_prediction_grid(nn::chapter::Context& chapter, const nn::FashionMnist& data,
                          const nn::Labels& y_pred) {
  const std::size_t n = 40;
  std::vector<std::string> captions, colors;
  int wrong = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& guess = data.class_names[y_pred(i)];
    if (y_pred(i) == data.y_test(i)) {
      captions.push_back(guess);
      colors.push_back(kGreen);
    } else {
      captions.push_back(guess + "\n(" + data.class_names[data.y_test(i)] + ")");
      colors.push_back(kRed);
      ++wrong;
    }
  }
  nn::plot::image_grid(first_rows(data.x_test, n), 28, 28, 8, captions, colors)
      .save(chapter.figure("predictions.svg"));
  chapter.result("grid_wrong", wrong);
  chapter.result("grid_wrong_lookalike", lookalike_mistakes(data, y_pred, n));
}
// book:show

/// ## The confusion matrix
///
/// Accuracy is one number; a *confusion matrix* says where the errors are. Row \f$i\f$
/// counts the test images of class \f$i\f$, column \f$j\f$ those the network called
/// class \f$j\f$: the diagonal holds the right answers and every other cell a particular
/// mix-up. `nn::confusion_matrix` counts them, and `nn::most_confused` lists the largest
/// off-diagonal cells:
// book:hide
void show_confusion(nn::chapter::Context& chapter, nn::Sequential& model,
                    const nn::FashionMnist& data) {
  auto& out = chapter.section("confusion", "The confusion matrix of the test set");
  // book:show
  const nn::Labels y_pred = nn::predicted_classes(model.predict(data.x_test));   // (10000,)
  const nn::ConfusionMatrix cm = nn::confusion_matrix(data.y_test, y_pred, 10);  // (10, 10)
  const std::vector<nn::Confusion> worst = nn::most_confused(cm, 5);
  // book:hide
  show_prediction_grid(chapter, data, y_pred);
  const std::vector<std::string> short_names = {"T-shirt", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",  "Shirt",   "Sneaker",  "Bag",   "Boot"};
  out << std::string(12, ' ') << "predicted:\n"
      << std::left << std::setw(12) << "true:" << std::right;
  for (const std::string& name : short_names) out << std::setw(9) << name;
  out << "\n";
  for (std::size_t i = 0; i < 10; ++i) {
    out << std::left << std::setw(12) << data.class_names[i] << std::right;
    for (std::size_t j = 0; j < 10; ++j) out << std::setw(9) << cm(i, j);
    out << "\n";
  }
  auto& confused = chapter.section("confused", "Recall per class, and the most frequent mix-ups");
  confused << "class        images   right   recall\n";
  std::vector<double> recall;
  for (std::size_t i = 0; i < 10; ++i) {
    const int images = xt::sum(xt::row(cm, i))();
    recall.push_back(images > 0 ? static_cast<double>(cm(i, i)) / images : 0.0);
    confused << std::left << std::setw(12) << data.class_names[i] << std::right << std::setw(7)
             << images << std::setw(8) << cm(i, i) << std::setw(9) << std::fixed
             << std::setprecision(3) << recall.back() << "\n";
  }
  confused << "\nmost frequent mix-ups:\n";
  nlohmann::json worst_json = nlohmann::json::array();
  for (const nn::Confusion& c : worst) {
    confused << std::setw(6) << c.count << "  " << data.class_names[c.true_class] << " taken for "
             << data.class_names[c.predicted_class] << "\n";
    worst_json.push_back({{"true", data.class_names[c.true_class]},
                          {"predicted", data.class_names[c.predicted_class]},
                          {"count", c.count}});
  }
  chapter.result("most_confused", worst_json);
  std::size_t best = 0, worst_class = 0;
  for (std::size_t k = 1; k < 10; ++k) {
    if (recall[k] > recall[best]) best = k;
    if (recall[k] < recall[worst_class]) worst_class = k;
  }
  chapter.result("best_class", {{"name", data.class_names[best]}, {"recall", recall[best]}});
  chapter.result("worst_class",
                 {{"name", data.class_names[worst_class]}, {"recall", recall[worst_class]}});
  show_error_groups(chapter, cm, recall);

  // The counts; then the errors only, as a share of each true class.
  const nn::Tensor counts = xt::cast<float>(cm);
  nn::Tensor errors = xt::zeros<float>({10, 10});
  for (std::size_t i = 0; i < 10; ++i) {
    const float total = xt::sum(xt::row(counts, i))();
    for (std::size_t j = 0; j < 10 && total > 0; ++j) {
      if (i != j) errors(i, j) = std::round(1000.0f * counts(i, j) / total) / 10.0f;
    }
  }
  for (const bool errors_only : {false, true}) {
    nn::plot::Figure figure(700, 600);
    auto& ax = figure.axes();
    ax.heatmap(errors_only ? errors : counts, data.class_names, short_names);
    ax.xlabel("predicted class");
    ax.ylabel("true class");
    figure.save(chapter.figure(errors_only ? "confusion_errors.svg" : "confusion_matrix.svg"));
  }
}
// book:show

/// \output{confusion}
///
/// \figure{confusion_matrix.svg}{The confusion matrix of the test set: how many images of each
/// class (rows) the network gave each answer (columns)}
///
/// The diagonal dominates the picture, as it should, and hides the errors in pale cells.
/// Removing it and dividing each row by its class's size shows the pattern of the mistakes:
///
/// \figure{confusion_errors.svg}{The errors alone: the percentage of each true class (rows)
/// taken for each other class (columns)}
///
/// The share of each class that the network recognises is its *recall*. It runs from
/// \result{worst_class.recall|.1%} for \result{worst_class.name} to
/// \result{best_class.recall|.1%} for \result{best_class.name}. The errors cluster among
/// the tops: \result{errors.among_tops_share|.0%} of all the test set's mistakes take a
/// shirt, T-shirt, pullover or coat for another of the four, garments that differ mostly in
/// details such as sleeves, collars and buttons. Trousers and bags are rarely mistaken for
/// anything else (recalls \result{errors.trouser_recall|.1%} and
/// \result{errors.bag_recall|.1%}), and when a shoe is confused it is with another shoe
/// \result{errors.shoe_taken_for_shoe_share|.0%} of the time.
///
/// \output{confused}
///
/// A confusion matrix tells you where to spend effort: more examples of the classes that
/// are confused, features that tell them apart, or a network that sees images as images
/// rather than as lists of pixels (a convolutional network, beyond this book, gets past
/// 90% on this data set).
///
/// ## Initialisation: Glorot or He
///
/// A layer with \f$n_\text{in}\f$ inputs (its *fan-in*) and \f$n_\text{out}\f$ units (its
/// *fan-out*) adds up \f$n_\text{in}\f$ products for each unit. If its inputs have variance
/// \f$v\f$ and its weights variance \f$\sigma^2\f$, each sum has variance
/// \f$n_\text{in}\,\sigma^2 v\f$; in the backward pass the gradients see the fan-out the same
/// way. Keeping both steady asks for \f$\sigma^2 = 1/n_\text{in}\f$ and
/// \f$\sigma^2 = 1/n_\text{out}\f$ at once; Glorot and Bengio (2010) compromised on
/// \f$\sigma^2 = 2/(n_\text{in} + n_\text{out})\f$, Keras's default. A ReLU passes on only the
/// positive half of its input, which halves the second moment at every layer; He et al. (2015)
/// doubled the variance to make up for it, \f$\sigma^2 = 2/n_\text{in}\f$
/// (`"he_normal"`, `"he_uniform"`).
///
/// To see it, we build a deeper ReLU network, six hidden layers of 100 units, once with each
/// initialiser and the same seed, and measure the standard deviation of every hidden
/// layer's output on 1,000 training images before any training; then we train both a few
/// epochs with SGD(0.01):
std::vector<nn::Dense> deep_relu_layers(const nn::Initializer& init) {
  std::vector<nn::Dense> layers;
  for (int i = 0; i < 6; ++i) layers.emplace_back(100, "relu", init);  // kernel initializer
  layers.emplace_back(10, "softmax", init);
  return layers;
}
// book:hide
void show_initialisation(nn::chapter::Context& chapter, const nn::FashionMnist& data, int epochs) {
  auto& out = chapter.section("init", "Glorot against He in a six-layer ReLU network");
  out << "initialiser     std of each hidden layer's output at initialisation";
  out << "      val_accuracy after " << epochs << " epoch(s)\n";
  nlohmann::json results;
  for (const std::string init : {"glorot_uniform", "he_normal"}) {
    nn::set_random_seed(chapter.seed());
    const std::vector<nn::Dense> layers = deep_relu_layers(init);
    std::vector<double> stds;
    {
      nn::NoGradGuard no_tape;
      nn::Var h(first_rows(data.x_train, 1000));  // (1000, 784)
      for (std::size_t i = 0; i + 1 < layers.size(); ++i) {
        h = layers[i](h, false);  // (1000, 100)
        stds.push_back(xt::stddev(h.value())());
      }
    }
    nn::Sequential model;
    for (const nn::Dense& layer : layers) model.add(layer);
    model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});
    const nn::History history =
        model.fit(data.x_train, data.y_train,
                  {.epochs = epochs,
                   .validation_data = {{data.x_validation, data.y_validation}},
                   .seed = chapter.seed(),
                   .verbose = 0});
    const double accuracy = history.history.at("val_accuracy").back();
    out << std::left << std::setw(16) << init << std::right << std::fixed << std::setprecision(3);
    for (double v : stds) out << std::setw(8) << v;
    out << std::setw(16) << std::setprecision(4) << accuracy << "\n";
    const std::string key = init == "he_normal" ? "he" : "glorot";
    results[key] = {{"activation_std", stds}, {"val_accuracy", accuracy}};
  }
  const auto last_std = [&](const char* k) {
    return results[k]["activation_std"].back().get<double>();
  };
  std::ostringstream verdict;
  verdict << std::fixed << std::setprecision(1);
  verdict << "By the sixth hidden layer the Glorot network's signal has a spread "
          << last_std("he") / last_std("glorot") << " times smaller than the He network's";
  const double he = results["he"]["val_accuracy"], glorot = results["glorot"]["val_accuracy"];
  verdict << (he > glorot ? ", and after training the He network is ahead"
                          : ", though after training the Glorot network is not behind")
          << std::setprecision(1) << " (" << 100 * he << "% against " << 100 * glorot
          << "% validation accuracy).";
  results["verdict"] = verdict.str();
  chapter.result("init", results);
}
// book:show

/// \output{init}
///
/// With Glorot's weights every ReLU layer passes on a smaller signal than it received, and
/// the shrinking compounds; with He's the spread stays of the same size from the first hidden
/// layer to the last. \result{init.verdict} The gradients shrink the same way on their way
/// back, so the first layers of a deep Glorot network learn slowly. With two hidden layers,
/// as in the network above, the difference is small, which is why Keras's default does no
/// harm there; for deeper ReLU networks, pass `"he_normal"` as the kernel initializer.
///
/// ## Choosing the output layer and the loss
///
/// Everything in this chapter, and the regression of the last one, comes down to one
/// decision at the top of the network:
///
// clang-format off
/// | task | output units | output activation | loss |
/// |---|---|---|---|
/// | regression | one per value to predict | none (ReLU or softplus for positive values) | mean squared error, or Huber |
/// | binary classification | 1 | sigmoid | binary cross-entropy |
/// | multilabel classification | one per label | sigmoid | binary cross-entropy |
/// | multiclass classification | one per class | softmax | categorical cross-entropy (sparse for class indices) |
// clang-format on
///
/// The hidden layers are chosen separately, and the next chapters look at how: different
/// shapes of network, and how to tune their size and learning rate.
///
/// \runtime
// book:hide
void show_run_facts(nn::chapter::Context& chapter) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  chapter.result("peak_memory_mb", usage.ru_maxrss / 1024.0);  // ru_maxrss is in KiB
}

}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "04_classification_mlp",
      "Chapter 4: classification MLPs (binary, multilabel, multiclass) on Fashion-MNIST",
      {{"data-dir", nn::kFashionMnistDir, "the folder with Fashion-MNIST's four .gz files"}}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    const nn::FashionMnist data = load_data(chapter);
    show_data(chapter, data);
    show_binary(chapter, data, chapter.pick(5, 2));
    show_class_weight(chapter, data, chapter.pick(2, 2));
    show_multilabel(chapter, data, chapter.pick(10, 4));
    nn::set_random_seed(chapter.seed());
    nn::Sequential model = build_model();
    model.summary(chapter.section("summary", "model.summary()"));
    chapter.result("parameter_count", model.count_params());
    show_training(chapter, model, data, chapter.pick(30, 8));
    show_evaluation(chapter, model, data);
    show_keras_comparison(chapter);
    show_confusion(chapter, model, data);
    show_initialisation(chapter, data, chapter.pick(3, 1));
    show_run_facts(chapter);
  });
}
// book:show
