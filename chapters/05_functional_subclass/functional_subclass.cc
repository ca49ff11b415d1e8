/// # The functional and subclassing APIs
///
/// Every network so far was a stack: each layer took the output of the one below and fed
/// the one above. `nn::Sequential` says exactly that and nothing more. Many useful networks
/// are not stacks. Some let part of the input skip the hidden layers; some take several
/// inputs, or answer several questions at once; some decide while they run how many times
/// to apply a layer. This chapter builds such networks in the two ways Keras offers beyond
/// Sequential. The *functional API* describes a network as a graph of layer calls, which
/// the library can check, print, draw and save before any data flows. The *subclassing
/// API* describes it as code: a class whose `call()` computes the outputs from the inputs
/// with loops and conditions, as any C++ function would. We use the same data as chapter 3,
/// the fuel economy of 1970s cars, so that the numbers can be compared.
///
/// *Sources.* Géron's chapter 10, "Building Complex Models Using the Functional API" (wide
/// and deep, feature subsets, several outputs, an auxiliary output weighted 0.9 and 0.1)
/// and "Using the Subclassing API", and the article's sections on both.
///
/// ## The data, once more
///
/// Auto MPG has 392 cars, nine features each (cylinders, displacement, horsepower, weight,
/// acceleration, model year, and the origin as three one-hot columns), and the miles per
/// gallon to predict. We cut it as chapter 3 did, with the run's seed: 60% of the cars
/// (\result{train_rows}) to train on, 20% to watch training (validation) and 20%
/// (\result{test_rows}) held back for the final test. The
/// networks standardise their inputs themselves with a `Normalization` layer adapted to the
/// training set, so the features go in raw.
///
/// \output{data}
// book:hide
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "lib/atomic_file.h"
#include "lib/chapter/chapter.h"
#include "lib/chapter/wrap.h"
#include "lib/data/auto_mpg.h"
#include "lib/error.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"

namespace {

using Cars = nn::ThreeWaySplit<nn::Tensor>;

// What every model in the chapter trains with.
struct Training {
  int epochs;
  std::uint64_t seed;
  double learning_rate = 3e-3;
};

nn::Tensor columns(const nn::Tensor& x, std::size_t first, std::size_t end) {
  return xt::view(x, xt::all(), xt::range(first, end));
}

double max_abs_difference(const nn::Tensor& a, const nn::Tensor& b) {
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, static_cast<double>(std::abs(a.data()[i] - b.data()[i])));
  }
  return worst;
}

double mean(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double standard_deviation(const std::vector<double>& values) {
  const double m = mean(values);
  double sum = 0.0;
  for (double v : values) sum += (v - m) * (v - m);
  return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

std::vector<double> epochs_of(const nn::History& history) {
  return std::vector<double>(history.epoch.begin(), history.epoch.end());
}

void show_data(nn::chapter::Context& chapter, const nn::AutoMpg& data, const Cars& cars) {
  auto& out = chapter.section("data", "Auto MPG, cut into three sets");
  out << "training " << nn::shape_string(cars.x_train) << ", validation "
      << nn::shape_string(cars.x_validation) << ", test " << nn::shape_string(cars.x_test)
      << "; targets: miles per gallon\nfeature columns:";
  for (std::size_t j = 0; j < data.feature_names.size(); ++j) {
    out << (j == 5 ? "\n                " : " ") << j << " " << data.feature_names[j]
        << (j + 1 < data.feature_names.size() ? "," : "\n");
  }
  chapter.result("train_rows", cars.x_train.shape(0));
  chapter.result("test_rows", cars.x_test.shape(0));
}
// book:show

/// ## Wide & Deep: a graph instead of a stack
///
/// In 2016 Heng-Tze Cheng and his colleagues at Google described the *Wide & Deep*
/// network for recommending apps. A deep stack of layers is good at *generalising*: it
/// builds new features out of the inputs and can respond to combinations it has rarely
/// seen. A linear model on the raw inputs is good at *memorising* simple rules: "heavier
/// cars go fewer miles per gallon" needs no hidden layer at all, and forcing that rule
/// through thirty ReLUs only makes it harder to learn. Wide & Deep does both: the inputs go
/// through the hidden layers (the deep path) and also straight to the output layer (the
/// wide path), where they are concatenated with the last hidden layer's output.
///
/// Concatenating and then applying one Dense layer is the same as adding two linear
/// readouts. With \f$\mathbf{x}\f$ the (normalised) input and \f$\mathbf{h}(\mathbf{x})\f$
/// the last hidden layer, the output layer's kernel splits into the rows that meet
/// \f$\mathbf{x}\f$ and the rows that meet \f$\mathbf{h}\f$:
///
/// \f[ \hat{y} = [\,\mathbf{x} \;\; \mathbf{h}(\mathbf{x})\,]
///     \begin{bmatrix} W_{\text{wide}} \\ W_{\text{deep}} \end{bmatrix} + b
///     = \underbrace{\mathbf{x}\,W_{\text{wide}}}_{\text{a linear model}}
///     + \underbrace{\mathbf{h}(\mathbf{x})\,W_{\text{deep}}}_{\text{an MLP's readout}} + b. \f]
///
/// Both parts are trained together, by the same gradient. In backpropagation the
/// concatenation only routes: the output gradient's first columns go to the wide path, the
/// rest to the deep one, so the wide weights receive their gradient in one step, however
/// deep the other path is.
///
/// Sequential cannot say "this layer takes the input *and* that layer's output". The
/// functional API can. `nn::Input({9})` makes a *symbolic tensor*: a stand-in for the
/// batches of 9-feature rows that will arrive later. Its shape is written (None, 9): the
/// number of rows is not known yet. Calling a layer on a symbolic tensor computes nothing;
/// it builds the layer's weights for that width and records a *node* of the graph: this
/// layer, called on those tensors. `nn::Functional` takes the inputs and the outputs,
/// walks the graph back from the outputs, and becomes a model that replays the recorded
/// calls on every batch:

nn::Functional wide_and_deep(const nn::Tensor& x_train) {  // x_train: (n, 9)
  nn::Normalization normalization;
  normalization.adapt(x_train);  // the features' means and variances, from training data only
  nn::Dense hidden1(30, "relu"), hidden2(30, "relu"), output(1);
  const nn::SymbolicTensor input = nn::Input({9}, "features");              // (None, 9)
  const nn::SymbolicTensor normalized = normalization(input);               // (None, 9)
  const nn::SymbolicTensor hidden = hidden2(hidden1(normalized));           // (None, 30)
  const nn::SymbolicTensor both = nn::Concatenate()({normalized, hidden});  // (None, 39)
  return nn::Functional({input}, {output(both)}, "wide_and_deep");
}

/// (In Keras the last line reads `keras.Model(inputs=[input], outputs=[output])`, which
/// returns an object of class `Functional`; C++ names the class directly.) Because the
/// model is a graph, it can describe itself before it has seen a single car. Its summary
/// has a column that a Sequential model's lacks, *Connected to*: the tensors each layer was
/// called on, written `layer[call][output]` as Keras writes them (`dense_1[0][0]` is the
/// output of the first call of `dense_1`).
///
/// \output{wide_deep_summary}
///
/// The counts are easy to check by hand. The first hidden layer has \f$9 \times 30 + 30 =
/// 300\f$ weights, the second \f$30 \times 30 + 30 = 930\f$, and the output layer, which
/// sees \f$9 + 30 = 39\f$ numbers, \f$39 + 1 = 40\f$. Concatenate has none: it only puts
/// columns side by side. The 19 non-trainable parameters are the normalisation's means and
/// variances (nine each) and the count of rows it was adapted on; training never changes
/// them.
///
/// The same graph can be drawn. `nn::model_to_dot` writes it in Graphviz's DOT language,
/// one box per layer with its input and output shapes, one arrow per connection, as Keras's
/// `plot_model` does; `nn::render_dot` runs Graphviz's `dot` program to turn it into SVG:
void save_graph(nn::chapter::Context& chapter, const nn::Functional& model,
                const std::string& file) {
  nn::write_file_atomically(chapter.figure(file), nn::render_dot(nn::model_to_dot(model)));
}

/// \figure{wide_deep_graph.svg}{The Wide & Deep network drawn from its graph: the normalised
/// features reach the output layer twice, directly and through two hidden layers}
///
/// "Replays the recorded calls" is meant literally. The model keeps the graph's nodes in an
/// order where each comes after the nodes it was called on, and its `call` walks them once
/// per batch: the inputs fill the first slots of `values`, each later node calls its layer on
/// the values of its inbound nodes, and the outputs are picked out at the end. On a training
/// batch these layer calls build the tape, so `backward()` needs nothing special for a graph.
///
/// \library{lib/models/functional.cc}{functional_call}{How a functional model runs a batch: every
/// recorded layer call, in graph order.}
///
/// A functional model trains exactly like a Sequential one: `compile`, `fit`, `evaluate`,
/// `predict`. Every model of this chapter minimises the mean squared error with Adam, a
/// learning rate of \result{learning_rate}, batches of 32 rows and \result{epochs} epochs,
/// reports the mean absolute error (MAE, in miles per gallon) as a metric, and uses the
/// run's seed for its initial weights and its shuffles:
nn::History train(nn::Model& model, const nn::Arrays& x, const nn::Arrays& y,
                  const nn::Arrays& x_valid, const nn::Arrays& y_valid, const Training& how,
                  std::vector<double> loss_weights = {}) {
  model.compile("mse", nn::Adam(how.learning_rate), {"mae"}, std::move(loss_weights));
  return model.fit(x, y,
                   {.epochs = how.epochs,
                    .validation_data = {{x_valid, y_valid}},
                    .seed = how.seed,
                    .verbose = 0});
}

/// \output{wide_deep}
///
/// On the test cars the Wide & Deep network's mean squared error is
/// \result{wide_deep_test_mse|.2f} (in mpg²), and its mean absolute error says that its
/// predictions are off by \result{wide_deep_test_mae|.2f} miles per gallon on average. A
/// plain MLP like chapter 3's, the same two hidden layers without the wide path, trained
/// the same way on the same split, reaches a test MSE of \result{mlp_test_mse|.2f}.
///
/// One split of \result{test_rows} test cars is a small sample, so one comparison says
/// little. Repeating it on \result{comparison.splits} different splits (seeds
/// \result{comparison.first_seed} onwards), the Wide & Deep network's test MSE averages
/// \result{comparison.wide_deep_mean|.2f} (standard deviation
/// \result{comparison.wide_deep_std|.2f}) and the MLP's \result{comparison.mlp_mean|.2f}
/// (\result{comparison.mlp_std|.2f}); Wide & Deep is the better of the two on
/// \result{comparison.wide_deep_wins} of the \result{comparison.splits} splits. The test
/// error moves far more from one split to the next than from one architecture to the
/// other: the standard deviation over the splits is \result{comparison.spread_over_gap|.0f}
/// times the difference between the two means. On \result{train_rows} training cars, with
/// features that a linear model already uses well, the wide path has little to add. It
/// was designed for data sets with millions of rows and sparse features, where memorising
/// rules pays. The lesson is general: a new architecture earns its place by beating the
/// simple baseline over several splits, not on one.
///
/// \output{comparison}
// book:hide
nn::Sequential plain_mlp(const nn::Tensor& x_train) {
  nn::Normalization normalization;
  normalization.adapt(x_train);
  return nn::Sequential({normalization, nn::Dense(30, "relu"), nn::Dense(30, "relu"), nn::Dense(1)},
                        "mlp");
}

struct Curves {
  std::vector<std::pair<std::string, nn::History>> runs;
  nn::History aux;
};

void show_wide_deep(nn::chapter::Context& chapter, const Cars& cars, const Training& how,
                    Curves& curves, nlohmann::json& parameter_counts) {
  nn::set_random_seed(how.seed);
  nn::Functional model = wide_and_deep(cars.x_train);
  model.summary(chapter.section("wide_deep_summary", "The Wide & Deep network's summary"));
  save_graph(chapter, model, "wide_deep_graph.svg");
  parameter_counts["wide_deep"] = model.count_params();

  auto& out = chapter.section("wide_deep", "Training Wide & Deep, and a plain MLP");
  const nn::History history =
      train(model, cars.x_train, cars.y_train, cars.x_validation, cars.y_validation, how);
  const nn::Logs test = model.evaluate(cars.x_test, cars.y_test, 32, 0);
  nn::set_random_seed(how.seed);
  nn::Sequential mlp = plain_mlp(cars.x_train);
  const nn::History mlp_history =
      train(mlp, cars.x_train, cars.y_train, cars.x_validation, cars.y_validation, how);
  const nn::Logs mlp_test = mlp.evaluate(cars.x_test, cars.y_test, 32, 0);
  parameter_counts["mlp"] = mlp.count_params();
  out << std::fixed << std::setprecision(3);
  out << "model        parameters   train MSE   validation MSE   test MSE   test MAE\n";
  const auto row = [&](const char* name, nn::Model& m, const nn::History& h, const nn::Logs& t) {
    out << name << std::setw(10) << m.count_params() << std::setw(12) << h.history.at("loss").back()
        << std::setw(17) << h.history.at("val_loss").back() << std::setw(11) << t.at("loss")
        << std::setw(11) << t.at("mae") << "\n";
  };
  row("Wide & Deep ", model, history, test);
  row("MLP         ", mlp, mlp_history, mlp_test);
  chapter.result("wide_deep_test_mse", test.at("loss"));
  chapter.result("wide_deep_test_mae", test.at("mae"));
  chapter.result("mlp_test_mse", mlp_test.at("loss"));
  curves.runs.emplace_back("Wide & Deep", history);
  curves.runs.emplace_back("MLP", mlp_history);
}

void show_comparison(nn::chapter::Context& chapter, const nn::AutoMpg& data, const Training& how) {
  auto& out = chapter.section("comparison", "Wide & Deep against the MLP, split after split");
  const int splits = chapter.pick(10, 3);
  std::vector<double> wide_deep, mlp;
  int wins = 0;
  out << std::fixed << std::setprecision(3) << "split seed   Wide & Deep test MSE   MLP test MSE\n";
  for (int k = 0; k < splits; ++k) {
    const std::uint64_t seed = how.seed + static_cast<std::uint64_t>(k);
    const Cars cars = nn::split_auto_mpg(data, seed);
    Training same = how;
    same.seed = seed;
    nn::set_random_seed(seed);
    nn::Functional a = wide_and_deep(cars.x_train);
    train(a, cars.x_train, cars.y_train, cars.x_validation, cars.y_validation, same);
    nn::set_random_seed(seed);
    nn::Sequential b = plain_mlp(cars.x_train);
    train(b, cars.x_train, cars.y_train, cars.x_validation, cars.y_validation, same);
    wide_deep.push_back(a.evaluate(cars.x_test, cars.y_test, 32, 0).at("loss"));
    mlp.push_back(b.evaluate(cars.x_test, cars.y_test, 32, 0).at("loss"));
    wins += wide_deep.back() < mlp.back() ? 1 : 0;
    out << std::setw(10) << seed << std::setw(23) << wide_deep.back() << std::setw(15) << mlp.back()
        << "\n";
  }
  out << "mean      " << std::setw(23) << mean(wide_deep) << std::setw(15) << mean(mlp) << "\n";
  chapter.result("comparison", {{"splits", splits},
                                {"first_seed", how.seed},
                                {"wide_deep_mean", mean(wide_deep)},
                                {"wide_deep_std", standard_deviation(wide_deep)},
                                {"mlp_mean", mean(mlp)},
                                {"mlp_std", standard_deviation(mlp)},
                                {"spread_over_gap", standard_deviation(wide_deep) /
                                                        std::abs(mean(wide_deep) - mean(mlp))},
                                {"wide_deep_wins", wins}});
}
// book:show

/// ## Several inputs
///
/// The wide path does not have to see the same features as the deep one. Cheng's team fed
/// the wide part hand-made crossings of sparse features and the deep part embeddings; here
/// we simply give each path its own subset of the columns, overlapping in the middle. The
/// wide input takes the five physical measurements (cylinders to acceleration, columns 0
/// to 4); the deep input takes horsepower to origin (columns 2 to 8), so horsepower,
/// weight and acceleration go both ways. A model with two inputs is made from two
/// `nn::Input`s, each normalised on its own:

nn::Functional two_inputs(const nn::Tensor& x_wide, const nn::Tensor& x_deep) {
  nn::Normalization normalize_wide, normalize_deep;
  normalize_wide.adapt(x_wide);  // x_wide: (n, 5)
  normalize_deep.adapt(x_deep);  // x_deep: (n, 7)
  nn::Dense hidden1(30, "relu"), hidden2(30, "relu"), output(1);
  const nn::SymbolicTensor wide_input = nn::Input({5}, "wide_input");  // (None, 5)
  const nn::SymbolicTensor deep_input = nn::Input({7}, "deep_input");  // (None, 7)
  const nn::SymbolicTensor wide = normalize_wide(wide_input);
  const nn::SymbolicTensor hidden = hidden2(hidden1(normalize_deep(deep_input)));  // (None, 30)
  const nn::SymbolicTensor both = nn::Concatenate()({wide, hidden});               // (None, 35)
  return nn::Functional({wide_input, deep_input}, {output(both)}, "two_inputs");
}

/// `fit`, `evaluate` and `predict` then take one array per input, in the order of the
/// model's inputs: `model.fit({x_wide, x_deep}, y)`. All the arrays must have the same
/// number of rows, one per car; the model checks each array's width against its input.
///
/// \figure{two_input_graph.svg}{Two inputs: the wide path sees columns 0 to 4, the deep path
/// columns 2 to 8}
///
/// \output{two_inputs}
///
/// With its features split, the network's test MSE is \result{two_input_test_mse|.2f},
/// against \result{wide_deep_test_mse|.2f} for the network that gives all nine features to
/// both paths.
// book:hide
struct Subsets {
  nn::Tensor wide_train, deep_train, wide_valid, deep_valid, wide_test, deep_test;
};

Subsets split_columns(const Cars& cars) {
  const auto wide = [](const nn::Tensor& x) { return columns(x, 0, 5); };  // cylinders..accel.
  const auto deep = [](const nn::Tensor& x) { return columns(x, 2, 9); };  // horsepower..origin
  return {wide(cars.x_train),      deep(cars.x_train), wide(cars.x_validation),
          deep(cars.x_validation), wide(cars.x_test),  deep(cars.x_test)};
}

void show_two_inputs(nn::chapter::Context& chapter, const Cars& cars, const Subsets& s,
                     const Training& how, Curves& curves, nlohmann::json& parameter_counts) {
  auto& out = chapter.section("two_inputs", "Two inputs: wide and deep feature subsets");
  nn::set_random_seed(how.seed);
  nn::Functional model = two_inputs(s.wide_train, s.deep_train);
  save_graph(chapter, model, "two_input_graph.svg");
  const nn::History history = train(model, {s.wide_train, s.deep_train}, cars.y_train,
                                    {s.wide_valid, s.deep_valid}, cars.y_validation, how);
  const double test_mse = model.evaluate({s.wide_test, s.deep_test}, cars.y_test, 32, 0).at("loss");
  out << std::fixed << std::setprecision(3);
  out << "inputs: wide " << nn::shape_string(s.wide_train) << ", deep "
      << nn::shape_string(s.deep_train) << "; parameters: " << model.count_params() << "\n";
  out << "train MSE " << history.history.at("loss").back() << ", validation MSE "
      << history.history.at("val_loss").back() << ", test MSE " << test_mse << "\n";
  chapter.result("two_input_test_mse", test_mse);
  parameter_counts["two_inputs"] = model.count_params();
  curves.runs.emplace_back("two inputs", history);
}
// book:show

/// ## Several outputs, and an auxiliary loss
///
/// A network may also have several outputs: to predict several targets at once, to answer
/// different questions about the same input (what is in a picture, and where), or, as
/// here, to *regularise*. We add a second output on top of the deep path alone. It
/// predicts the same fuel economy, from the hidden layers without the wide features. Its
/// loss is an extra term in the training objective that pushes the deep path to be useful
/// on its own, rather than leaving the work to the wide path and learning little.
///
/// Each output has its own loss \f$L_k\f$ and the model minimises their weighted sum. With
/// the weights 0.9 for the main output and 0.1 for the auxiliary one,
///
/// \f[ L = 0.9\,L_{\text{main}} + 0.1\,L_{\text{aux}}, \qquad
///     \frac{\partial L}{\partial \theta} = 0.9\,\frac{\partial L_{\text{main}}}{\partial
///     \theta} + 0.1\,\frac{\partial L_{\text{aux}}}{\partial \theta}, \f]
///
/// so a weight \f$\theta\f$ of the deep path gets gradient from both outputs, while the
/// wide path's weights, which the auxiliary output does not see, get only the main
/// output's (scaled by 0.9). Naming the output layers names the outputs: the logs then
/// report `main_output_loss` and `aux_output_loss` beside the total `loss`, and each
/// metric once per output (`main_output_mae`, `aux_output_mae`). A named layer can also be
/// fetched back from the model by its name, with `model.get_layer("aux_output")`.
nn::Functional with_auxiliary_output(const nn::Tensor& x_wide, const nn::Tensor& x_deep) {
  nn::Normalization normalize_wide, normalize_deep;
  normalize_wide.adapt(x_wide);
  normalize_deep.adapt(x_deep);
  nn::Dense hidden1(30, "relu"), hidden2(30, "relu");
  nn::Dense main_output(1, "linear", "glorot_uniform", "zeros", "main_output");
  nn::Dense aux_output(1, "linear", "glorot_uniform", "zeros", "aux_output");
  const nn::SymbolicTensor wide_input = nn::Input({5}, "wide_input");
  const nn::SymbolicTensor deep_input = nn::Input({7}, "deep_input");
  const nn::SymbolicTensor hidden = hidden2(hidden1(normalize_deep(deep_input)));
  const nn::SymbolicTensor both = nn::Concatenate()({normalize_wide(wide_input), hidden});
  return nn::Functional({wide_input, deep_input}, {main_output(both), aux_output(hidden)},
                        "wide_deep_aux");
}

/// The losses are given to `compile`, one per output or one for all (Keras then applies
/// it to each output and adds the results), with `loss_weights`; the targets, one array per
/// output, to `fit`. Both outputs predict the miles per gallon, so both get `y`:
///
/// ```cpp
/// model.compile({"mse", "mse"}, nn::Adam(3e-3), {}, {0.9, 0.1});
/// model.fit({x_wide, x_deep}, {y, y}, {.epochs = ...});
/// ```
///
/// \figure{aux_graph.svg}{Two inputs and two outputs: the auxiliary output reads the deep path
/// alone}
///
/// \output{aux_summary}
///
/// \output{aux}
///
/// The loss that `fit` reports is the weighted sum, to float rounding. In the last epoch,
/// 0.9 × \result{aux_fit_main_loss|.4f} + 0.1 × \result{aux_fit_aux_loss|.4f} =
/// \result{aux_fit_weighted_sum|.4f}, and `fit` reported \result{aux_fit_loss|.4f} (a
/// relative difference of \result{aux_fit_loss_identity_error|.1e}). On the test set the main
/// output's MSE is \result{aux_main_test_mse|.2f} and the auxiliary output's
/// \result{aux_aux_test_mse|.2f}. The auxiliary output is only a training aid; once the
/// model is trained we can use the main output alone.
// book:hide
void show_aux(nn::chapter::Context& chapter, const Cars& cars, const Subsets& s,
              const Training& how, Curves& curves, nlohmann::json& parameter_counts) {
  nn::set_random_seed(how.seed);
  nn::Functional model = with_auxiliary_output(s.wide_train, s.deep_train);
  save_graph(chapter, model, "aux_graph.svg");
  model.summary(chapter.section("aux_summary", "The summary of a model with two outputs"));
  auto& out = chapter.section("aux", "Training with an auxiliary output (loss weights 0.9, 0.1)");
  const nn::History history =
      train(model, {s.wide_train, s.deep_train}, {cars.y_train, cars.y_train},
            {s.wide_valid, s.deep_valid}, {cars.y_validation, cars.y_validation}, how, {0.9, 0.1});
  const double loss = history.history.at("loss").back();
  const double main = history.history.at("main_output_loss").back();
  const double aux = history.history.at("aux_output_loss").back();
  const double weighted = 0.9 * main + 0.1 * aux;
  const nn::Logs test =
      model.evaluate({s.wide_test, s.deep_test}, {cars.y_test, cars.y_test}, 32, 0);
  out << std::fixed << std::setprecision(4) << "logs of the last epoch:";
  for (const char* prefix : {"", "val_"}) {
    for (const std::string& key : model.metrics_names()) {
      out << "\n  " << prefix << key << " = " << history.history.at(prefix + key).back();
    }
  }
  out << "\n0.9 * main_output_loss + 0.1 * aux_output_loss = " << weighted << "\n";
  out << "test: loss " << test.at("loss") << ", main_output_loss " << test.at("main_output_loss")
      << ", aux_output_loss " << test.at("aux_output_loss") << "\n";
  const auto aux_layer = std::dynamic_pointer_cast<nn::DenseLayer>(model.get_layer("aux_output"));
  out << "model.get_layer(\"aux_output\"): " << aux_layer->class_name() << ", kernel "
      << nn::shape_string(aux_layer->kernel().value()) << ", " << aux_layer->count_params()
      << " parameters\n";
  chapter.result("aux_fit_loss", loss);
  chapter.result("aux_fit_main_loss", main);
  chapter.result("aux_fit_aux_loss", aux);
  chapter.result("aux_fit_weighted_sum", weighted);
  chapter.result("aux_fit_loss_identity_error", std::abs(loss - weighted) / loss);
  chapter.result("aux_main_test_mse", test.at("main_output_loss"));
  chapter.result("aux_aux_test_mse", test.at("aux_output_loss"));
  chapter.result("aux_test_loss", test.at("loss"));
  chapter.result("aux_output_names", model.output_names());
  parameter_counts["wide_deep_aux"] = model.count_params();
  curves.aux = history;
}
// book:show

/// ## Wiring mistakes are caught when the graph is built
///
/// A graph that is described before it runs can be checked before it runs. Each call on a
/// symbolic tensor knows the shapes involved, and the `Functional` constructor knows the
/// whole graph, so a wiring mistake stops the program at the line that makes it, with a
/// message that names the layer and the shapes, instead of surfacing in the middle of
/// training or never at all. Here are four mistakes and what the library says about each:
// book:hide
template <class F>
bool caught(std::ostream& out, const std::string& what, F wrong) {
  out << what << "\n";
  try {
    wrong();
  } catch (const nn::Error& e) {
    out << "   -> " << nn::chapter::wrapped(e.what(), 6) << "\n\n";
    return true;
  }
  out << "   -> no error (this should not happen)\n\n";
  return false;
}

void show_wiring_errors(nn::chapter::Context& chapter, const Cars& cars, const Subsets& s) {
  auto& out = chapter.section("wiring", "Wiring errors, caught where they are made");
  int errors = 0;
  // book:show
  const nn::SymbolicTensor wide_input = nn::Input({5}, "wide_input");  // (None, 5)
  const nn::SymbolicTensor deep_input = nn::Input({7}, "deep_input");  // (None, 7)
  nn::Dense hidden(30, "relu", "glorot_uniform", "zeros", "hidden");
  const nn::SymbolicTensor h = hidden(deep_input);  // builds hidden's kernel: (7, 30)
  errors += caught(out, "1. a layer built for 7 features, called on 5", [&] {
    hidden(wide_input);  // (None, 5)
  });
  errors += caught(out, "2. inputs declared with different batch sizes, concatenated", [&] {
    nn::concatenate({nn::Input({5}, "batch_of_32", 32), nn::Input({7}, "batch_of_64", 64)});
  });
  const nn::SymbolicTensor output = nn::Dense(1)(nn::concatenate({wide_input, h}));
  errors += caught(out, "3. an output that needs an input the model is not given", [&] {
    nn::Functional({wide_input}, {output}, "forgot_an_input");  // h needs deep_input
  });
  nn::Functional model({wide_input, deep_input}, {output}, "wired_right");
  model.compile("mse", nn::Adam(1e-3));
  errors += caught(out, "4. fit() with inputs of different numbers of rows", [&] {
    model.fit({s.wide_train, s.deep_valid}, cars.y_train, {.verbose = 0});  // 234 and 79 rows
  });
  // book:hide
  chapter.result("wiring_errors_caught", errors);
}
// book:show

/// \output{wiring}
///
/// The first three are caught while the graph is described; the last one when `fit` sees
/// the data, before the first step. (`caught` runs the code it is given, catches the
/// `nn::Error` it throws and prints the message.) All \result{wiring_errors_caught} are
/// reported with
/// the shapes that disagree. With symbolic shapes (None, k) the batch dimension is open,
/// and any number of rows fits; it can only disagree when inputs are declared with fixed
/// batch sizes, as in the second mistake, or when the arrays given to `fit` have different
/// numbers of rows, as in the fourth.
///
/// ## The subclassing API
///
/// The functional API describes what the network *is*. The subclassing API describes what
/// it *does*: derive a class from `nn::Model`, create the layers in the constructor, and
/// write `call()`, the forward pass from the inputs to the outputs. Here is the model of
/// the previous section, two inputs and two outputs, as a class:
class WideAndDeepModel : public nn::Model {
 public:
  WideAndDeepModel() : nn::Model("wide_and_deep_subclass") {}

  void adapt(const nn::Tensor& x_wide, const nn::Tensor& x_deep) {
    normalize_wide_.adapt(x_wide);
    normalize_deep_.adapt(x_deep);
  }

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    const nn::Var wide = normalize_wide_(inputs.at(0), training);         // (batch, 5)
    const nn::Var deep = normalize_deep_(inputs.at(1), training);         // (batch, 7)
    const nn::Var hidden = hidden2_(hidden1_(deep, training), training);  // (batch, 30)
    const nn::Var main = main_output_(nn::concat({wide, hidden}), training);
    return {main, aux_output_(hidden, training)};
  }

 private:
  nn::Normalization normalize_wide_ = track(nn::Normalization());
  nn::Normalization normalize_deep_ = track(nn::Normalization());
  nn::Dense hidden1_ = track(nn::Dense(30, "relu"));
  nn::Dense hidden2_ = track(nn::Dense(30, "relu"));
  nn::Dense main_output_ = track(nn::Dense(1));
  nn::Dense aux_output_ = track(nn::Dense(1));
};

/// `track()` registers a layer with the model, so that its weights are trained, counted and
/// saved; it returns the handle, so that declaring and registering a member is one line.
/// `call()` is ordinary C++: here it uses `nn::concat`, the tape's operation, where the
/// functional version needed a Concatenate layer. There are no symbolic tensors. The
/// values flowing through `call()` are real batches, and the tape records whatever the
/// code does with them, so `fit()` can take the gradient of it.
///
/// The layers are made in the same order as in `with_auxiliary_output`, and each layer
/// draws its initial weights from the seed when it is made; so with the same seed the two
/// models start from the same weights, see the same batches and take the same steps:
///
/// \output{subclass}
///
/// The largest difference between their predictions after training is
/// \result{functional_vs_subclass_max_difference}: the two APIs build the same
/// computation, and the subclass's test MSE, \result{subclass_test_mse|.2f}, is the
/// functional model's to the last bit. What the subclass cannot do is describe itself. Its
/// summary knows the layers and their weights, but not how they are connected, nor the
/// shapes between them ("multiple"): that knowledge is in the code of `call()`, which runs
/// only when data arrives. For the same reason its logs name the outputs `output_1` and
/// `output_2`.
// book:hide
void show_subclass(nn::chapter::Context& chapter, const Cars& cars, const Subsets& s,
                   const Training& how, Curves& curves, nlohmann::json& parameter_counts) {
  auto& out = chapter.section("subclass", "The same network, subclassed");
  nn::set_random_seed(how.seed);
  nn::Functional functional = with_auxiliary_output(s.wide_train, s.deep_train);
  nn::set_random_seed(how.seed);
  WideAndDeepModel subclass;
  subclass.adapt(s.wide_train, s.deep_train);
  const nn::Arrays x_test = {s.wide_test, s.deep_test};
  const double before = max_abs_difference(functional.predict_outputs(x_test)[0],
                                           subclass.predict_outputs(x_test)[0]);
  std::vector<nn::History> histories;
  for (nn::Model* model :
       {static_cast<nn::Model*>(&functional), static_cast<nn::Model*>(&subclass)}) {
    histories.push_back(train(*model, {s.wide_train, s.deep_train}, {cars.y_train, cars.y_train},
                              {s.wide_valid, s.deep_valid}, {cars.y_validation, cars.y_validation},
                              how, {0.9, 0.1}));
  }
  const std::vector<nn::Tensor> a = functional.predict_outputs(x_test);
  const std::vector<nn::Tensor> b = subclass.predict_outputs(x_test);
  const double after = std::max(max_abs_difference(a[0], b[0]), max_abs_difference(a[1], b[1]));
  const nn::Logs test = subclass.evaluate(x_test, {cars.y_test, cars.y_test}, 32, 0);
  const nn::Logs functional_test = functional.evaluate(x_test, {cars.y_test, cars.y_test}, 32, 0);
  out << std::setprecision(6);
  out << "largest difference between the main predictions, before training: " << before << "\n";
  out << "largest difference between all predictions, after " << how.epochs << " epochs: " << after
      << "\n";
  out << "first test cars, main output:  functional";
  for (std::size_t i = 0; i < 3; ++i) out << " " << a[0](i, 0);
  out << "\n                                subclass";
  for (std::size_t i = 0; i < 3; ++i) out << " " << b[0](i, 0);
  out << "\nsubclass test: loss " << test.at("loss") << ", output_1_loss "
      << test.at("output_1_loss") << ", output_2_loss " << test.at("output_2_loss") << "\n\n";
  subclass.summary(out);
  chapter.result("functional_vs_subclass_max_difference", after);
  chapter.result("functional_vs_subclass_initial_difference", before);
  chapter.result("subclass_test_mse", test.at("output_1_loss"));
  chapter.result("functional_vs_subclass_test_mse_difference",
                 std::abs(test.at("output_1_loss") - functional_test.at("main_output_loss")));
  parameter_counts["subclass"] = subclass.count_params();
  curves.runs.emplace_back("subclass", histories[1]);
}
// book:show

/// ## A dynamic model: depth chosen at run time
///
/// Since `call()` is code, it can loop and branch. The next model applies one and the same
/// residual block a number of times \f$d\f$ that is not part of its architecture but a
/// number it reads each time `call()` runs:
///
/// \f[ \begin{aligned}
///     \mathbf{h}_0 &= \operatorname{relu}(\mathbf{x} W_0 + \mathbf{b}_0), \\
///     \mathbf{h}_{i+1} &= \mathbf{h}_i + \operatorname{relu}(\mathbf{h}_i W + \mathbf{b}),
///     \qquad i = 0, \dots, d - 1, \\
///     \hat{y} &= \mathbf{h}_d\,\mathbf{w}_{\text{out}} + b_{\text{out}}.
///     \end{aligned} \f]
///
/// The block's weights \f$W, \mathbf{b}\f$ are shared by all \f$d\f$ repetitions, so the
/// model has the same number of parameters whatever its depth. Adding the block's output
/// to its input (a *skip connection*) makes each repetition a correction to what came
/// before, so the signal and the gradient also pass through the plain additions.
///
/// It also branches on `training`. With `random_depth`, every training batch draws its own
/// number of repetitions, from 1 to \f$d\f$; at evaluation the block runs \f$d\f$ times.
/// This is a variant of *stochastic depth* (Gao Huang and colleagues, 2016), which skips
/// residual blocks at random while training:
class RepeatedBlock : public nn::Model {
 public:
  RepeatedBlock(int depth, bool random_depth, std::uint64_t seed)
      : nn::Model("repeated_block"), depth_(depth), random_depth_(random_depth), rng_(seed) {}
  void set_depth(int depth) { depth_ = depth; }  // takes effect at the next call
  void adapt(const nn::Tensor& x) { normalize_.adapt(x); }

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    int repeats = depth_;
    if (training && random_depth_ && depth_ > 0) {
      repeats = 1 + static_cast<int>(rng_.below(depth_));  // 1 to depth_, batch by batch
    }
    nn::Var h = first_(normalize_(inputs.at(0), training), training);  // (batch, 30)
    for (int i = 0; i < repeats; ++i) h = h + block_(h, training);     // the same block
    return {output_(h, training)};
  }

 private:
  int depth_;
  bool random_depth_;
  nn::Rng rng_;
  nn::Normalization normalize_ = track(nn::Normalization());
  nn::Dense first_ = track(nn::Dense(30, "relu"));
  nn::Dense block_ = track(nn::Dense(30, "relu"));
  nn::Dense output_ = track(nn::Dense(1));
};

/// Every batch that passes through `call()` leaves on the tape the operations that actually
/// ran: as many block calls and additions as the loop made this time. Backpropagation walks
/// them all, and since every repetition uses the same \f$W\f$, their gradients add up:
/// \f$\partial L / \partial W = \sum_{i=0}^{d-1} \mathbf{h}_i^\top \boldsymbol{\delta}_i\f$,
/// where \f$\boldsymbol{\delta}_i\f$ is the gradient arriving at the \f$i\f$-th
/// repetition's pre-activation \f$\mathbf{h}_i W + \mathbf{b}\f$. A functional graph would
/// have to be built again for every depth; here the depth is an `int`.
///
/// We train two of these models with \f$d =\f$ \result{dynamic_depth} (the program's
/// `--depth` option), one always at that depth and one with random depths, both with
/// \result{parameter_counts.dynamic} parameters. Then, without retraining, `set_depth()`
/// changes the depth between calls and we evaluate both again:
///
/// \output{dynamic}
///
/// \figure{dynamic_depth.svg}{The two dynamic models evaluated at other depths than the one
/// they were trained with (dashed): the weights stay the same, only the number of times
/// call() applies the block changes}
///
/// The model always trained with \result{dynamic_depth} repetitions reaches a test MSE of
/// \result{dynamic_test_mse|.2f} at that depth, and nothing close at any other: its test
/// MSE is \result{dynamic_fixed_one_less_mse|.0f} with one repetition fewer and
/// \result{dynamic_fixed_one_more_mse|.0f} with one more. Its weights were shaped by that
/// one depth, and
/// the same weights applied a different number of times compute a different function. The
/// model trained with random depths reaches \result{dynamic_random_depth_test_mse|.2f} at
/// depth \result{dynamic_depth}, and \result{dynamic_random_depth_at_1_mse|.2f} with a
/// single repetition: it works at every depth it met in training, and beyond them it fails
/// as well. Neither network exists anywhere as a graph; each one is whatever `call()` did
/// with the batch in front of it.
// book:hide
void show_dynamic(nn::chapter::Context& chapter, const Cars& cars, const Training& how,
                  Curves& curves, nlohmann::json& parameter_counts) {
  auto& out = chapter.section("dynamic", "A block applied a number of times chosen at run time");
  const std::string& option = chapter.option("depth");
  const int depth = option.find_first_not_of("0123456789") == std::string::npos && !option.empty()
                        ? std::atoi(option.substr(0, 3).c_str())
                        : -1;
  if (depth < 1 || depth > 50) {
    throw nn::ValueError("--depth must be a whole number from 1 to 50, got '" + option + "'");
  }
  const int deepest = std::max(2 * depth, depth + 3);
  std::vector<double> depths;
  for (int d = 0; d <= deepest; ++d) depths.push_back(d);
  std::vector<std::vector<double>> errors(2);
  std::vector<double> test_mse(2);
  for (int random = 0; random < 2; ++random) {
    nn::set_random_seed(how.seed);
    RepeatedBlock model(depth, random == 1, how.seed);
    model.adapt(cars.x_train);
    const nn::History history =
        train(model, cars.x_train, cars.y_train, cars.x_validation, cars.y_validation, how);
    test_mse[random] = model.evaluate(cars.x_test, cars.y_test, 32, 0).at("loss");
    for (int d = 0; d <= deepest; ++d) {
      model.set_depth(d);
      errors[random].push_back(model.evaluate(cars.x_test, cars.y_test, 32, 0).at("loss"));
    }
    if (random == 0) {
      parameter_counts["dynamic"] = model.count_params();
      curves.runs.emplace_back("dynamic (depth " + std::to_string(depth) + ")", history);
    }
  }
  out << std::fixed << std::setprecision(3);
  out << "trained with depth " << depth << ": " << parameter_counts["dynamic"].get<int>()
      << " parameters, test MSE " << test_mse[0] << "\n";
  out << "trained with a random depth from 1 to " << depth << ", evaluated with " << depth
      << ": test MSE " << test_mse[1] << "\n\n";
  out << "depth at evaluation   test MSE: trained with depth " << depth
      << "   with random depths 1 to " << depth << "\n";
  for (int d = 0; d <= deepest; ++d) {
    out << std::setw(19) << d << std::setw(34) << errors[0][d] << std::setw(29) << errors[1][d]
        << "\n";
  }
  chapter.result("dynamic_depth", depth);
  chapter.result("dynamic_test_mse", test_mse[0]);
  chapter.result("dynamic_random_depth_test_mse", test_mse[1]);
  chapter.result("dynamic_fixed_one_less_mse", errors[0][depth - 1]);
  chapter.result("dynamic_fixed_one_more_mse", errors[0][depth + 1]);
  chapter.result("dynamic_random_depth_at_1_mse", errors[1][1]);
  chapter.result("dynamic_depth_test_mse", errors[0]);
  chapter.result("dynamic_random_depth_test_mse_by_depth", errors[1]);

  nn::plot::Figure figure(640, 380);
  auto& ax = figure.axes();
  ax.plot(depths, errors[0], {"trained with depth " + std::to_string(depth)});
  ax.plot(depths, errors[1], {"trained with random depths 1 to " + std::to_string(depth)});
  ax.axvline(depth, {"", "#888888", true, 1.5});
  ax.xlabel("depth d at evaluation (repetitions of the block)");
  ax.ylabel("test MSE (mpg²)");
  ax.yscale("log");
  ax.legend("upper left");
  figure.save(chapter.figure("dynamic_depth.svg"));
}

void show_learning_curves(nn::chapter::Context& chapter, const Curves& curves) {
  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  auto& left = figure.axes(0, 0);
  for (const auto& [label, history] : curves.runs) {
    if (label == "subclass") continue;  // the same curve as the functional model's
    const std::string key =
        history.history.count("val_loss") > 0 ? "val_loss" : "val_main_output_loss";
    left.plot(epochs_of(history), history.history.at(key), {label});
  }
  left.plot(epochs_of(curves.aux), curves.aux.history.at("val_main_output_loss"),
            {"auxiliary output's model (main)"});
  left.title("validation MSE");
  auto& right = figure.axes(0, 1);
  right.plot(epochs_of(curves.aux), curves.aux.history.at("main_output_loss"),
             {"main_output_loss"});
  right.plot(epochs_of(curves.aux), curves.aux.history.at("aux_output_loss"), {"aux_output_loss"});
  right.plot(epochs_of(curves.aux), curves.aux.history.at("loss"),
             {"loss = 0.9 main + 0.1 aux", "#222222", true, 1.5});
  right.title("training losses with an auxiliary output");
  for (auto* ax : {&left, &right}) {
    ax->xlabel("epoch");
    ax->ylabel("MSE (mpg²)");
    ax->yscale("log");
    ax->legend("upper right");
  }
  figure.save(chapter.figure("learning_curves.svg"));
}
// book:show

/// ## Learning curves
///
/// \figure{learning_curves.svg}{Left: validation MSE epoch by epoch for the models of this
/// chapter (the subclassed model's curve is the functional one's). Right: the two losses of
/// the model with an auxiliary output, and their weighted sum, which is what training
/// minimises}
///
/// Every network starts near \result{zero_prediction_val_mse|.0f}, the validation MSE of
/// predicting 0 mpg for every car: small random weights give outputs near zero, and the
/// average car does \result{mean_mpg|.1f} mpg. The error falls fast while the outputs grow
/// to the scale of the targets, then slowly; the curves of the different architectures
/// stay close together, as their test errors did. On the right, the weighted loss that
/// training minimises lies between the two outputs' losses, close to the main one, which
/// weighs nine times as much. The auxiliary output, with the deep path alone, ends above
/// the main output (training MSE \result{aux_fit_aux_loss|.2f} against
/// \result{aux_fit_main_loss|.2f}), yet it improves all along, which is what its term in
/// the loss asks of the deep path.
///
/// ## Saving: what each API can write down
///
/// Saving a model whole means writing its architecture as well as its weights, so that it
/// can be rebuilt without its source code (chapter 7 writes Keras's HDF5 files). A
/// functional model's architecture is data: `get_config()` writes every layer's settings
/// and, for each, the tensors it was called on, in Keras's format. A subclass's
/// architecture is the body of `call()`, compiled C++ that no file can hold, so asking for
/// its config is an error that says what to do instead. Its weights can always be saved,
/// and loaded into a new instance of the class:
///
/// \output{saving}
// book:hide
void show_saving(nn::chapter::Context& chapter, const Cars& cars, const Subsets& s,
                 const Training& how) {
  auto& out = chapter.section("saving", "What can be saved: configs and weights");
  nn::set_random_seed(how.seed);
  nn::Functional functional = with_auxiliary_output(s.wide_train, s.deep_train);
  const nlohmann::json config = functional.get_config();
  out << "functional get_config(): " << config["layers"].size() << " layers\n"
      << "  input_layers:  " << config["input_layers"].dump() << "\n"
      << "  output_layers: " << config["output_layers"].dump() << "\n";
  for (const auto& layer : config["layers"]) {
    if (layer["class_name"] == "Concatenate") {
      out << "  the Concatenate layer's inbound_nodes: " << layer["inbound_nodes"].dump() << "\n";
    }
  }
  nn::set_random_seed(how.seed);
  WideAndDeepModel trained;
  trained.adapt(s.wide_train, s.deep_train);
  train(trained, {s.wide_train, s.deep_train}, {cars.y_train, cars.y_train},
        {s.wide_valid, s.deep_valid}, {cars.y_validation, cars.y_validation}, {3, how.seed});
  out << "subclass is_graph_network(): " << std::boolalpha << trained.is_graph_network() << "\n";
  try {
    trained.get_config();
    out << "subclass get_config(): no error (this should not happen)\n";
  } catch (const nn::Error& e) {
    out << "subclass get_config():\n  " << nn::chapter::wrapped(e.what(), 2) << "\n";
  }
  nn::set_random_seed(how.seed + 1);  // other initial weights, replaced below
  WideAndDeepModel restored;
  restored.adapt(s.wide_train, s.deep_train);
  restored.build({5, 7});
  restored.set_weights(trained.get_weights());
  const nn::Arrays x = {s.wide_test, s.deep_test};
  const double difference =
      max_abs_difference(trained.predict_outputs(x)[0], restored.predict_outputs(x)[0]);
  out << "weights copied into a new instance with get_weights() and set_weights(): "
      << trained.get_weights().size() << " arrays;\n  largest difference between the "
      << "predictions of the two instances: " << difference << "\n";
  chapter.result("subclass_weights_roundtrip_difference", difference);
  chapter.result("functional_config_layers", config["layers"].size());
}
// book:show

/// ## Which API, when
///
/// | | Sequential | functional | subclassing |
/// |---|---|---|---|
/// | architecture | a stack | a graph of layers | any computation |
/// | several inputs, outputs | no | yes | yes |
/// | shared layers | no | yes | yes |
/// | loops, conditions | no | no | yes |
/// | wiring checked | as layers are added | as the graph is built | when data flows |
/// | summary shows | shapes, parameters | and connections | parameters only |
/// | drawn, saved whole | yes | yes | no: weights only |
///
/// Choose the simplest API that can express the network. Most networks are stacks, and
/// Sequential says so in one line. When the data has to flow along several paths, through
/// several inputs or to several outputs, the functional API describes the graph and lets
/// the library check it, print it, draw it and save it. Subclass when the computation
/// itself is dynamic, when `call()` needs loops, conditions or the values of its inputs to
/// decide what to do, or for research code where flexibility matters more than
/// inspection. A subclass is also harder to debug: its mistakes appear when data flows,
/// deep in a training run, rather than on the line that wires two layers together. The
/// three kinds mix freely: they all derive from `nn::Model`, train through the same `fit()`
/// and hold the same layers, and a subclass can use any layer, including ones built with
/// the functional API.
///
/// The parameter counts of this chapter's models: Wide & Deep
/// \result{parameter_counts.wide_deep}, the MLP \result{parameter_counts.mlp}, two inputs
/// \result{parameter_counts.two_inputs}, with the auxiliary output
/// \result{parameter_counts.wide_deep_aux} (and the same again subclassed,
/// \result{parameter_counts.subclass}), the dynamic model \result{parameter_counts.dynamic}
/// at every depth.
// book:hide
}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "05_functional_subclass",
      "Chapter 5: the functional and subclassing APIs (Wide & Deep, several inputs and "
      "outputs, dynamic models)",
      {{"depth", "3", "how many times the dynamic model applies its block while training"}}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    const Training how{chapter.pick(100, 30), chapter.seed()};
    chapter.result("epochs", how.epochs);
    chapter.result("learning_rate", how.learning_rate);
    const nn::AutoMpg data = nn::load_auto_mpg("data/auto_mpg.csv");
    const Cars cars = nn::split_auto_mpg(data, chapter.seed());
    show_data(chapter, data, cars);
    chapter.result("mean_mpg", xt::mean(cars.y_train)());
    chapter.result("zero_prediction_val_mse", xt::mean(cars.y_validation * cars.y_validation)());
    Curves curves;
    nlohmann::json parameter_counts = nlohmann::json::object();
    show_wide_deep(chapter, cars, how, curves, parameter_counts);
    show_comparison(chapter, data, how);
    const Subsets subsets = split_columns(cars);
    show_two_inputs(chapter, cars, subsets, how, curves, parameter_counts);
    show_aux(chapter, cars, subsets, how, curves, parameter_counts);
    show_wiring_errors(chapter, cars, subsets);
    show_subclass(chapter, cars, subsets, how, curves, parameter_counts);
    show_dynamic(chapter, cars, how, curves, parameter_counts);
    show_learning_curves(chapter, curves);
    show_saving(chapter, cars, subsets, how);
    chapter.result("parameter_counts", parameter_counts);
  });
}
// book:show
