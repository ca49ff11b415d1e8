/// # Regression MLPs: predicting fuel economy
///
/// The networks of the first two chapters answered yes or no. Many questions want a number
/// instead: the price of a house, tomorrow's temperature, the fuel a car will burn. This is
/// *regression*, and a multilayer perceptron does it with the parts we already have; only
/// the two ends change. The output layer gets one neuron per number to predict and, as a
/// rule, no activation function, and the loss measures how far the numbers are from the
/// truth instead of how sure the network was of a class.
///
/// This chapter predicts how many miles a car goes on a gallon of fuel. It first sets the
/// bar with the best straight-line model, computed exactly; then trains an MLP that clears
/// it; then asks what to put on the output when the number must be positive or must stay
/// in a range; and finally which loss to choose when some of the training labels are
/// simply wrong.
///
/// *Sources.* Géron's chapter 10, "Regression MLPs" (output units and activations, MSE, MAE
/// and the Huber loss) and "Building a Regression MLP Using the Sequential API", and the
/// article's section on regression outputs. Géron uses the California housing data; this
/// book uses Auto MPG, which Debian ships, and adds the optimizers his chapter leaves to
/// the next one.
///
/// ## The data: 392 cars
///
/// The Auto MPG data set describes cars sold in the United States between 1970 and 1982:
/// the number of cylinders, the engine's displacement (in cubic inches) and horsepower, the
/// weight (in pounds), the time it takes to reach 60 mph, the model year, and where the car
/// was made (the USA, Europe or Japan, which we encode as three columns of which exactly
/// one is 1, a *one-hot* encoding). The label is the fuel economy in miles per gallon (mpg).
/// `nn::load_auto_mpg` reads the 392 cars; `nn::split_auto_mpg` shuffles them with the
/// chapter's seed and keeps 60% for training, 20% for validation (to watch training) and
/// 20% for the final test.
///
/// \output{data}
///
/// The features live on very different scales: weights in the thousands, cylinders between
/// 3 and 8, the origin columns 0 or 1. Gradient descent struggles with that (the loss is a
/// long, narrow valley in which one step size is too large for some weights and too small
/// for others), so the network will see every feature standardized to mean 0 and standard
/// deviation 1, with statistics taken from the training set alone.
///
/// \underthehood{When the data file is missing or broken}
///
/// Data files go missing and get damaged. The loader never guesses: it stops with one line
/// that names the file and, for a malformed row, the line and the column. Here it is given a
/// path that does not exist, and a copy of the file in which one car's horsepower is `?`
/// (the way the original UCI release of this data marks the six cars whose horsepower is
/// unknown, which this copy of the data leaves out):
///
/// \output{data_errors}
///
/// \endunderthehood
// book:hide
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xsort.hpp>
#include <xtensor/xview.hpp>

#include "lib/chapter/chapter.h"
#include "lib/data/auto_mpg.h"
#include "lib/data/scaler.h"
#include "lib/data/split.h"
#include "lib/error.h"
#include "lib/linear/least_squares.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"
#include "lib/random.h"

namespace {

// The three sets of cars: x (n, 9) features, y (n, 1) miles per gallon.
using Cars = nn::ThreeWaySplit<nn::Tensor>;

// How long and how often the experiments train.
struct Settings {
  int epochs;  // per training
  int runs;    // trainings averaged in each comparison, with seeds seed, seed + 1, ...
};

// A metric of the library's (the one fit() and evaluate() report) over whole arrays.
template <class Metric>
double whole(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  Metric metric;
  metric.update_state(y_true, y_pred);
  return metric.result();
}

double rmse(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  return whole<nn::RootMeanSquaredError>(y_true, y_pred);
}

double mae(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  return whole<nn::MeanAbsoluteErrorMetric>(y_true, y_pred);
}

// The mean of y_pred − y_true: positive when the predictions are too high on average.
double bias(const nn::Tensor& y_true, const nn::Tensor& y_pred) {
  double sum = 0.0;
  for (std::size_t i = 0; i < y_true.size(); ++i) sum += y_pred.data()[i] - y_true.data()[i];
  return sum / static_cast<double>(y_true.size());
}

std::string fixed(double value, int digits) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(digits) << value;
  return text.str();
}

void show_data(nn::chapter::Context& chapter, const nn::AutoMpg& data, const Cars& cars) {
  auto& out = chapter.section("data", "Auto MPG: the first cars, and the split");
  out << "car                          cyl  displ   hp  weight  accel  year  origin   mpg\n";
  const char* origins[] = {"USA", "Europe", "Japan"};
  for (std::size_t row = 0; row < 5; ++row) {
    const auto& x = xt::row(data.features, row);
    const int origin = x(6) == 1 ? 0 : (x(7) == 1 ? 1 : 2);
    out << std::left << std::setw(27) << data.car_names[row] << std::right << std::setw(5) << x(0)
        << std::setw(7) << x(1) << std::setw(5) << x(2) << std::setw(8) << x(3) << std::setw(7)
        << x(4) << std::setw(6) << x(5) << std::setw(8) << origins[origin] << std::setw(6)
        << data.target(row, 0) << "\n";
  }
  const nn::Tensor& y = cars.y_train;
  const double mean = xt::mean(y)(), deviation = xt::stddev(y)();
  out << "\n" << data.features.shape(0) << " cars, " << data.features.shape(1) << " features\n";
  out << "training " << cars.x_train.shape(0) << ", validation " << cars.x_validation.shape(0)
      << ", test " << cars.x_test.shape(0) << " cars\n";
  out << "training labels: mean " << fixed(mean, 2) << " mpg, standard deviation "
      << fixed(deviation, 2) << " mpg, from " << xt::amin(y)() << " to " << xt::amax(y)() << "\n";
  chapter.result("cars", data.features.shape(0));
  chapter.result("train_rows", cars.x_train.shape(0));
  chapter.result("validation_rows", cars.x_validation.shape(0));
  chapter.result("test_rows", cars.x_test.shape(0));
  chapter.result("train_mpg_mean", mean);
  chapter.result("train_mpg_std", deviation);
  chapter.result("train_mpg_min", xt::amin(y)());
  chapter.result("train_mpg_max", xt::amax(y)());
}

// The loader's errors for a missing file and for a row whose horsepower is "?".
void show_data_errors(nn::chapter::Context& chapter) {
  auto& out = chapter.section("data_errors", "What the loader says about a missing or broken file");
  std::string missing, malformed;
  try {
    nn::load_auto_mpg("data/auto_mpg_v2.csv");
  } catch (const nn::DataError& error) {
    missing = error.what();
  }
  // A damaged copy in the run's own output folder (removed again below).
  const std::filesystem::path broken =
      std::filesystem::path(chapter.out_dir()) / "auto_mpg_broken.csv";
  {
    std::ifstream original("data/auto_mpg.csv");
    std::ofstream copy(broken);
    std::string line;
    for (int number = 1; number <= 4 && std::getline(original, line); ++number) {
      if (number == 3) line = "buick skylark 320,15,8,350,?,3693,11.5,70,USA";
      copy << line << "\n";
    }
  }
  try {
    nn::load_auto_mpg(broken.string());
  } catch (const nn::DataError& error) {
    malformed = error.what();
  }
  std::filesystem::remove(broken);
  out << missing << "\n" << malformed << "\n";
  chapter.result("missing_file_error", missing);
  chapter.result("malformed_file_error", malformed);
}
// book:show

/// ## A baseline: least squares
///
/// Before training a network, find out what a simple model achieves; otherwise there is no
/// telling whether the network learned anything worth its cost. The simplest model of a
/// number is a weighted sum of the features plus a bias, \f$\hat{y} = \mathbf{w}^\top
/// \mathbf{x} + b\f$: a single neuron without activation. Its best weights minimize the
/// mean squared error over the \f$n\f$ training cars,
///
/// \f[ \mathrm{MSE}(\mathbf{w}, b) = \frac{1}{n} \sum_{i=1}^{n}
///     \bigl(\mathbf{w}^\top \mathbf{x}_i + b - y_i\bigr)^2, \f]
///
/// and unlike a network's, they can be computed in one step, without gradient descent.
/// Subtract the column means from the features and from the labels (the bias then drops
/// out: \f$b = \bar{y} - \mathbf{w}^\top \bar{\mathbf{x}}\f$), stack the centred cars as the
/// rows of a matrix \f$X\f$ and their labels in \f$\mathbf{y}\f$, and set the gradient
/// \f$\tfrac{2}{n} X^\top (X\mathbf{w} - \mathbf{y})\f$ to zero. That gives the
/// *normal equations*
///
/// \f[ X^\top X \, \mathbf{w} = X^\top \mathbf{y}. \f]
///
/// Solving them as written is the textbook answer and a poor numerical one. Forming
/// \f$X^\top X\f$ squares the matrix's condition number, and here it fails outright: the
/// three origin columns add up to 1 for every car, so after centring they add up to 0,
/// and \f$X^\top X\f$ is singular (it has no inverse; infinitely many \f$\mathbf{w}\f$ fit
/// equally well). `nn::LinearRegression` therefore works on \f$X\f$ itself through its
/// singular value decomposition (LAPACK's `dgelsd`, in double precision), treats the
/// vanishing direction as zero, and returns the solution of smallest norm, as numpy's
/// `lstsq` and scikit-learn's `LinearRegression` do. The features are standardized first,
/// with a `nn::StandardScaler` fitted on the training cars, so that the weights can be
/// compared with one another: each says by how many mpg the prediction moves when its
/// feature grows by one standard deviation.
// book:hide
struct Baseline {
  nn::Tensor test_predictions;  // (n_test, 1)
  nn::Tensor validation_predictions;
  nn::LinearRegression model;
};

// book:show
Baseline fit_linear_baseline(const Cars& cars) {
  nn::StandardScaler scaler;
  const nn::Tensor x_train = scaler.fit_transform(cars.x_train);  // (n_train, 9), standardized
  nn::LinearRegression linear;
  linear.fit(x_train, cars.y_train);  // w: (9, 1), b: (1, 1)
  return {linear.predict(scaler.transform(cars.x_test)),
          linear.predict(scaler.transform(cars.x_validation)), linear};
}

/// \output{linear}
///
/// The least-squares line misses the test cars by \result{linear_baseline_test_rmse|.2f}
/// mpg, as a root mean squared error (RMSE, the square root of the MSE, which is in the
/// label's own unit), and by \result{linear_baseline_test_mae|.2f} mpg on average
/// (the mean absolute error, MAE). Predicting every car's fuel economy as the training
/// mean would miss by \result{mean_predictor_test_rmse|.2f} mpg: the features explain most
/// of the variation. The solver found rank \result{linear_rank} for nine columns, the
/// missing dimension being the origins' redundancy. Weight and model year carry the largest
/// weights: heavy cars burn more, and cars got more economical year after year, as the
/// fuel crises of 1973 and 1979 pushed makers to lighter and more efficient designs. Read
/// the other weights with care: cylinders, displacement, horsepower and weight rise and
/// fall together, so the line can trade a little of one for a little of another at almost
/// no cost in error, and the sign of one of them on its own, such as displacement's
/// \result{linear_coefficients.displacement|+.2f}, says little about what that feature does.
// book:hide
void show_linear(nn::chapter::Context& chapter, const nn::AutoMpg& data, const Cars& cars,
                 const Baseline& baseline) {
  auto& out = chapter.section("linear", "Least squares on the standardized features");
  const nn::Tensor& w = baseline.model.coef();
  nlohmann::json coefficients;
  out << "feature         weight (mpg per standard deviation)\n";
  for (std::size_t j = 0; j < w.shape(0); ++j) {
    out << std::left << std::setw(16) << data.feature_names[j] << std::right << std::setw(8)
        << fixed(w(j, 0), 3) << "\n";
    coefficients[data.feature_names[j]] = w(j, 0);
  }
  const nn::Tensor mean_prediction =
      xt::ones<float>(cars.y_test.shape()) * static_cast<float>(xt::mean(cars.y_train)());
  const double test_rmse = rmse(cars.y_test, baseline.test_predictions);
  out << "bias b = " << fixed(baseline.model.intercept()(0, 0), 3) << " (the training mean), rank "
      << baseline.model.rank() << " of " << w.shape(0) << "\n";
  out << "test RMSE " << fixed(test_rmse, 3) << " mpg, test MAE "
      << fixed(mae(cars.y_test, baseline.test_predictions), 3) << " mpg\n";
  out << "predicting the training mean for every car: test RMSE "
      << fixed(rmse(cars.y_test, mean_prediction), 3) << " mpg\n";
  chapter.result("linear_baseline_test_rmse", test_rmse);
  chapter.result("linear_baseline_test_mae", mae(cars.y_test, baseline.test_predictions));
  chapter.result("mean_predictor_test_rmse", rmse(cars.y_test, mean_prediction));
  chapter.result("linear_rank", baseline.model.rank());
  chapter.result("linear_coefficients", coefficients);
}
// book:show

/// ## A regression MLP
///
/// A network for regression looks like the classifiers to come, except at its output:
///
/// - one output neuron per number to predict (here one, the mpg);
/// - no activation on the output, so that it can produce any real number (what to do when
///   the number must be positive or bounded is the next section's subject);
/// - hidden layers with ReLU, as many and as wide as the problem needs (two layers of 30
///   neurons are plenty for 234 cars);
/// - the mean squared error as the loss, and a metric people can read, such as the RMSE or
///   the MAE in the label's unit.
///
/// The standardization now happens inside the model: a `nn::Normalization` layer, as in
/// Keras, learns each feature's mean \f$\mu_j\f$ and variance \f$\sigma_j^2\f$ from the
/// training set when it is *adapted*, and from then on computes \f$(x_j - \mu_j) /
/// \sigma_j\f$. The statistics are weights of the model that training leaves alone, so
/// whoever later uses (or loads) the model feeds it raw features and cannot forget the
/// scaling, or apply one from another data set.
nn::Sequential build_mlp(const nn::Tensor& x_train, const std::string& output_activation) {
  nn::Normalization normalization;
  normalization.adapt(x_train);  // μ, σ² of each feature: (1, 9) each, from training cars only
  return nn::Sequential({normalization, nn::Dense(30, "relu"), nn::Dense(30, "relu"),
                         nn::Dense(1, output_activation)});
}

/// \output{summary}
///
/// The normalization layer holds \result{mlp_non_trainable_params} numbers (nine means,
/// nine variances and the count of cars it saw), none of them trainable; the three dense
/// layers hold \f$9 \cdot 30 + 30\f$, \f$30 \cdot 30 + 30\f$ and \f$30 + 1\f$ weights and
/// biases, \result{mlp_trainable_params} in all. On the same training cars, the layer's
/// output matches scikit-learn-style standard scaling to within
/// \result{normalization_max_difference|.1e}.
///
/// Training is Keras's recipe: compile with the loss and an optimizer (Adam with its
/// default learning rate, 0.001), then fit, handing over the validation cars so that every
/// epoch ends with the loss on cars the network does not learn from.
// book:hide
struct Targets {
  const nn::Tensor& train;       // (n_train, 1): the labels the network learns from
  const nn::Tensor& validation;  // (n_validation, 1), on the same scale
};

// book:show
nn::History train_mlp(nn::Sequential& model, const Cars& cars, const Targets& y,
                      const nn::LossArg& loss, int epochs, std::uint64_t seed) {
  model.compile(loss, nn::Adam(0.001));
  return model.fit(cars.x_train, y.train,
                   {.epochs = epochs,
                    .validation_data = {{cars.x_validation, y.validation}},
                    .seed = seed,  // the order of the batches
                    .verbose = 0});
}

/// \output{mlp}
///
/// \figure{learning_curves.svg}{Learning curves of the MLP: the mean squared error on the
/// training cars and on the validation cars after each epoch (log scale); dashed, the
/// least-squares line's validation error}
///
/// The curves fall steeply for the first few dozen epochs, as the network learns to produce
/// numbers of the right size at all (its first predictions are near 0 mpg, for an average
/// around 23), and then flatten. After \result{mlp_epochs} epochs the validation MSE is
/// \result{mlp_final_val_loss|.2f}, below the least-squares line's. The training error keeps
/// falling a little faster than the validation error: the network starts to learn the
/// training cars' peculiarities, which is the first sign of overfitting, and the reason to
/// keep a validation set in view.
///
/// Under `fit()`, each batch goes through one `train_step`: chapter 2's loop, in the library's
/// words. Look for its five moves: the gradients are zeroed, the model is called on the batch
/// in training mode, the loss is computed, `backward()` fills the gradients, and the
/// optimizer applies them.
///
/// \library{lib/models/fit.cc}{train_step}{One step of training, as `fit()` takes it for every
/// batch.}
///
/// The step itself belongs to the optimizer. This chapter's is Adam, which scales each
/// weight's step by running averages of its gradients; the plainest one, SGD, is chapter 2's
/// rule \f$w \leftarrow w - \eta\,g\f$, with an optional momentum \f$v\f$ that carries
/// part of the previous steps into the next:
///
/// \library{lib/optimizers/sgd.cc}{sgd_update}{SGD's update of one weight tensor \f$w\f$ from its
/// gradient \f$g\f$.}
///
/// Training is random: the initial weights and the order of the batches come from the
/// seed. One network tells little, so the chapter trains \result{runs} of them, from
/// different initial weights. The first one misses the test cars by
/// \result{mlp_first_test_rmse|.2f} mpg (RMSE); all of them together by
/// \result{mlp_test_rmse|.2f} on average, against \result{linear_baseline_test_rmse|.2f}
/// for least squares, with a mean absolute error of \result{mlp_test_mae|.2f} against
/// \result{linear_baseline_test_mae|.2f}. Of the \result{runs} networks,
/// \result{mlp_runs_beating_baseline} beat the line. The relation between the features and fuel
/// economy is not a straight line (mpg falls steeply with weight for light cars and slowly
/// for heavy ones), and the hidden layers can bend.
///
/// \figure{predictions.svg}{Predicted against true fuel economy for the test cars: the MLP and
/// the least-squares line. A perfect model would put every car on the diagonal.}
///
/// Against least squares, the MLP cuts the RMSE by \result{mlp_gain.rmse|.0%} and the MAE
/// by \result{mlp_gain.mae|.0%}. The two measures weigh misses differently: a squared error
/// lets a few big misses dominate, and the biggest misses are cars that these features
/// describe badly. The three the first network misses most are the
/// \result{mlp_worst_cars.0}, the \result{mlp_worst_cars.1} and the
/// \result{mlp_worst_cars.2}; a car's engine type (a diesel, say, or the rotary engine of
/// the Mazda RX models, which the data set counts as three "cylinders") is not among the
/// features, and such cars sit far from the diagonal in the picture. Whether to report the RMSE or
/// the MAE depends on what a miss costs: the RMSE if one large miss is worse than several
/// small ones adding up to the same, the MAE if every mpg counts the same.
// book:hide
struct Run {
  nn::History history;
  nn::Tensor test_predictions;  // (n_test, 1), mpg
};

// A new model trained on labels y (already scaled as the output needs), with this output
// activation and loss; returns its history and its test predictions as the network gives them.
Run train_new_mlp(const Cars& cars, const Targets& y, const std::string& output_activation,
                  const nn::LossArg& loss, int epochs, std::uint64_t seed) {
  nn::set_random_seed(seed);  // the layers' initial weights
  nn::Sequential model = build_mlp(cars.x_train, output_activation);
  nn::History history = train_mlp(model, cars, y, loss, epochs, seed);
  return {history, model.predict(cars.x_test)};
}

// The test cars' names: the rows the split put into the test set, in its order.
std::vector<std::string> test_car_names(const nn::AutoMpg& data, const Cars& cars,
                                        std::uint64_t seed) {
  const nn::SplitIndices rows =
      nn::train_validation_test_indices(data.features.shape(0), 0.2, 0.2, seed);
  if (!(nn::take_rows(data.features, rows.test) == cars.x_test)) {
    throw nn::Error("the test cars' rows do not match split_auto_mpg's test set");
  }
  std::vector<std::string> names;
  for (std::size_t row : rows.test) names.push_back(data.car_names[row]);
  return names;
}

void show_summary(nn::chapter::Context& chapter, const Cars& cars) {
  auto& out = chapter.section("summary", "The regression MLP");
  nn::set_random_seed(chapter.seed());
  nn::Sequential model = build_mlp(cars.x_train, "linear");
  model.build({cars.x_train.shape(1)});
  model.summary(out);
  std::size_t trainable = 0, frozen = 0;
  for (const nn::Parameter* p : model.parameters()) {
    (p->trainable() ? trainable : frozen) += p->value().size();
  }
  chapter.result("mlp_trainable_params", trainable);
  chapter.result("mlp_non_trainable_params", frozen);
  // The layer against StandardScaler, both from the training cars, on the test cars.
  nn::StandardScaler scaler;
  scaler.fit(cars.x_train);
  const nn::Tensor scaled = scaler.transform(cars.x_test);
  const nn::Tensor normalized = model.layers()[0]->forward(nn::Var(cars.x_test), false).value();
  chapter.result("normalization_max_difference", xt::amax(xt::abs(scaled - normalized))());
}

void show_mlp(nn::chapter::Context& chapter, const nn::AutoMpg& data, const Cars& cars,
              const Baseline& baseline, const Settings& settings) {
  auto& out = chapter.section("mlp", "Training the MLP (MSE, Adam)");
  const Run run = train_new_mlp(cars, {cars.y_train, cars.y_validation}, "linear", "mse",
                                settings.epochs, chapter.seed());
  const std::vector<double>& loss = run.history.history.at("loss");
  const std::vector<double>& val_loss = run.history.history.at("val_loss");
  out << "epoch   loss (MSE)   val_loss\n";
  for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
    if (epoch > 3 && epoch % (settings.epochs / 5) != 0) continue;
    out << std::setw(5) << epoch << std::setw(13) << fixed(loss[epoch - 1], 2) << std::setw(11)
        << fixed(val_loss[epoch - 1], 2) << "\n";
  }
  const double linear_val_mse =
      std::pow(rmse(cars.y_validation, baseline.validation_predictions), 2);
  const nn::Tensor& p = run.test_predictions;  // the first network's, for the figures
  out << "least squares, validation MSE: " << fixed(linear_val_mse, 2) << "\n\n";

  // The same training from other initial weights: the test error is a random variable.
  std::vector<double> rmses, maes;
  for (int r = 0; r < settings.runs; ++r) {
    const nn::Tensor q = r == 0 ? p
                                : train_new_mlp(cars, {cars.y_train, cars.y_validation}, "linear",
                                                "mse", settings.epochs, chapter.seed() + r)
                                      .test_predictions;
    rmses.push_back(rmse(cars.y_test, q));
    maes.push_back(mae(cars.y_test, q));
  }
  const auto mean = [](const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return sum / static_cast<double>(v.size());
  };
  const auto [lowest, highest] = std::minmax_element(rmses.begin(), rmses.end());
  out << "test set                          RMSE     MAE\n";
  out << "MLP, first network              " << std::setw(6) << fixed(rmses[0], 3) << std::setw(8)
      << fixed(maes[0], 3) << "\n";
  out << "MLP, mean of " << std::left << std::setw(12)
      << std::to_string(settings.runs) + " networks" << std::right << "       " << std::setw(6)
      << fixed(mean(rmses), 3) << std::setw(8) << fixed(mean(maes), 3) << "   (RMSE "
      << fixed(*lowest, 3) << " to " << fixed(*highest, 3) << ")\n";
  out << "least squares                   " << std::setw(6)
      << fixed(rmse(cars.y_test, baseline.test_predictions), 3) << std::setw(8)
      << fixed(mae(cars.y_test, baseline.test_predictions), 3) << "\n";

  // The three test cars the MLP misses most.
  const std::vector<std::string> names = test_car_names(data, cars, chapter.seed());
  std::vector<std::size_t> order(names.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(p(a, 0) - cars.y_test(a, 0)) > std::abs(p(b, 0) - cars.y_test(b, 0));
  });
  out << "\nlargest misses (first network)        true    MLP  least squares\n";
  std::vector<std::string> worst;
  for (std::size_t k = 0; k < 3; ++k) {
    const std::size_t i = order[k];
    out << std::left << std::setw(36) << names[i] << std::right << std::setw(6)
        << fixed(cars.y_test(i, 0), 1) << std::setw(7) << fixed(p(i, 0), 1) << std::setw(15)
        << fixed(baseline.test_predictions(i, 0), 1) << "\n";
    worst.push_back(names[i]);
  }
  chapter.result("mlp_epochs", settings.epochs);
  chapter.result("mlp_final_loss", loss.back());
  chapter.result("mlp_final_val_loss", val_loss.back());
  chapter.result("linear_baseline_val_mse", linear_val_mse);
  chapter.result("mlp_test_rmse", mean(rmses));
  chapter.result("mlp_test_mae", mean(maes));
  chapter.result("mlp_test_rmse_runs", rmses);
  chapter.result("mlp_first_test_rmse", rmses[0]);
  chapter.result("mlp_runs_beating_baseline",
                 std::count_if(rmses.begin(), rmses.end(), [&](double r) {
                   return r < rmse(cars.y_test, baseline.test_predictions);
                 }));
  chapter.result("mlp_worst_cars", worst);
  const double base_rmse = rmse(cars.y_test, baseline.test_predictions);
  const double base_mae = mae(cars.y_test, baseline.test_predictions);
  chapter.result("mlp_gain",
                 {{"rmse", 1.0 - mean(rmses) / base_rmse}, {"mae", 1.0 - mean(maes) / base_mae}});

  nn::plot::Figure curves(640, 400);
  auto& ax = curves.axes();
  std::vector<double> epochs(loss.size());
  for (std::size_t e = 0; e < epochs.size(); ++e) epochs[e] = static_cast<double>(e + 1);
  ax.plot(epochs, loss, {"training loss"});
  ax.plot(epochs, val_loss, {"validation loss"});
  ax.axhline(linear_val_mse, {"least squares, validation", "#555555", true, 1.5});
  ax.yscale("log");
  ax.xlabel("epoch");
  ax.ylabel("mean squared error (mpg²)");
  ax.legend("upper right");
  curves.save(chapter.figure("learning_curves.svg"));

  nn::plot::Figure scatter(560, 520);
  auto& sx = scatter.axes();
  sx.line({10, 10}, {40, 40}, {"perfect prediction", "#999999", true, 1});
  sx.scatter(xt::col(cars.y_test, 0), xt::col(baseline.test_predictions, 0),
             {"least squares", "", 4, nn::plot::Marker::square});
  sx.scatter(xt::col(cars.y_test, 0), xt::col(p, 0), {"MLP", "", 4, nn::plot::Marker::circle});
  for (std::size_t k = 0; k < 2; ++k) {
    const std::size_t i = order[k];
    const bool right_half = cars.y_test(i, 0) > 30;  // there, the label goes below, to the left
    sx.text(cars.y_test(i, 0) + (right_half ? -0.3 : 0.6), p(i, 0) - (right_half ? 2.0 : 0.0),
            names[i], {"#222222", 11, right_half ? "end" : "start"});
  }
  sx.xlabel("true mpg");
  sx.ylabel("predicted mpg");
  sx.legend("upper left");
  scatter.save(chapter.figure("predictions.svg"));
}
// book:show

/// ## The optimizer: SGD, momentum, Nesterov and Adam
///
/// `compile` above chose Adam without a word of explanation; here is what it is, next to
/// the optimizers it grew from. Each receives the gradient \f$\mathbf{g}\f$ of the batch's
/// loss with respect to a weight \f$\mathbf{w}\f$ and decides the step. Written as Keras
/// writes them (\f$\eta\f$ the learning rate):
///
/// - **SGD**: \f$\mathbf{w} \leftarrow \mathbf{w} - \eta\,\mathbf{g}\f$. Every step is as
///   long as the current gradient says, so it crawls along gentle slopes and zig-zags across
///   narrow valleys.
/// - **Momentum** (`nn::SGD(lr, 0.9)`): a velocity that remembers past steps,
///   \f$\mathbf{v} \leftarrow m\,\mathbf{v} - \eta\,\mathbf{g}\f$, then
///   \f$\mathbf{w} \leftarrow \mathbf{w} + \mathbf{v}\f$. Along a steady slope the steps
///   grow towards \f$\eta / (1 - m)\f$ times the gradient, ten times for \f$m = 0.9\f$;
///   across a valley the alternating gradients cancel.
/// - **Nesterov** (`nn::SGD(lr, 0.9, true)`): the same velocity, but the step looks ahead,
///   \f$\mathbf{w} \leftarrow \mathbf{w} + m\,\mathbf{v} - \eta\,\mathbf{g}\f$, which
///   corrects an overshoot one step sooner.
/// - **Adam** (`nn::Adam(0.001)`): keeps a running mean of the gradients
///   (\f$\mathbf{m} \leftarrow \beta_1 \mathbf{m} + (1 - \beta_1)\mathbf{g}\f$, momentum
///   again) and of their squares (\f$\mathbf{s} \leftarrow \beta_2 \mathbf{s} +
///   (1 - \beta_2)\mathbf{g}^2\f$), corrects both for starting at zero, and steps
///   \f$\mathbf{w} \leftarrow \mathbf{w} - \eta\,\hat{\mathbf{m}} /
///   (\sqrt{\hat{\mathbf{s}}} + \epsilon)\f$: each weight gets its own step size, small
///   where the gradient has been large or noisy, large where it has been small and steady.
///   Keras's defaults are \f$\beta_1 = 0.9\f$, \f$\beta_2 = 0.999\f$,
///   \f$\epsilon = 10^{-7}\f$.
///
/// The experiment trains the same MLP from the same initial weights with each of the four,
/// the three SGD variants at Géron's learning rate for this kind of network, \f$10^{-3}\f$,
/// and Adam at its default, also \f$10^{-3}\f$:
// book:hide
struct OptimizerChoice {
  std::string name;
  nn::OptimizerArg optimizer;
};
// book:show
std::vector<OptimizerChoice> optimizer_choices() {
  return {{"sgd", nn::SGD(0.001)},
          {"momentum", nn::SGD(0.001, /*momentum=*/0.9)},
          {"nesterov", nn::SGD(0.001, /*momentum=*/0.9, /*nesterov=*/true)},
          {"adam", nn::Adam(0.001)}};
}
// book:hide
void show_optimizers(nn::chapter::Context& chapter, const Cars& cars, const Settings& settings) {
  auto& out = chapter.section("optimizers", "One MLP, four optimizers (validation MSE)");
  out << "optimizer   after 20 epochs   after " << settings.epochs << " epochs\n";
  nlohmann::json results;
  std::map<std::string, std::vector<double>> curves;
  for (const OptimizerChoice& choice : optimizer_choices()) {
    double early = 0, last = 0;
    std::vector<double> mean_curve(settings.epochs, 0.0);
    for (int r = 0; r < settings.runs; ++r) {
      nn::set_random_seed(chapter.seed() + r);
      nn::Sequential model = build_mlp(cars.x_train, "linear");
      model.compile("mse", choice.optimizer);
      const nn::History h = model.fit(cars.x_train, cars.y_train,
                                      {.epochs = settings.epochs,
                                       .validation_data = {{cars.x_validation, cars.y_validation}},
                                       .seed = chapter.seed() + r,
                                       .verbose = 0});
      const std::vector<double>& v = h.history.at("val_loss");
      early += v.at(std::min<std::size_t>(19, v.size() - 1)) / settings.runs;
      last += v.back() / settings.runs;
      for (std::size_t e = 0; e < v.size(); ++e) mean_curve[e] += v[e] / settings.runs;
    }
    out << std::left << std::setw(12) << choice.name << std::right << std::setw(15)
        << fixed(early, 2) << std::setw(16) << fixed(last, 2) << "\n";
    results[choice.name] = {{"val_loss", last}, {"val_loss_epoch20", early}};
    curves[choice.name] = mean_curve;
  }
  out << "(means over " << settings.runs << " runs; the same initial weights for each optimizer)\n";
  chapter.result("optimizers", results);

  nn::plot::Figure figure(640, 400);
  auto& ax = figure.axes();
  std::vector<double> epochs(settings.epochs);
  for (int e = 0; e < settings.epochs; ++e) epochs[e] = e + 1;
  const std::map<std::string, std::string> colors = {
      {"sgd", "#0072b2"}, {"momentum", "#d55e00"}, {"nesterov", "#009e73"}, {"adam", "#cc79a7"}};
  for (const auto& [name, curve] : curves) ax.plot(epochs, curve, {name, colors.at(name)});
  ax.yscale("log");
  ax.xlabel("epoch");
  ax.ylabel("validation MSE");
  ax.legend("upper right");
  figure.save(chapter.figure("optimizers.svg"));
}
// book:show

/// \output{optimizers}
///
/// \figure{optimizers.svg}{Validation MSE of the same MLP trained with four optimizers (mean
/// over the runs, log scale)}
///
/// After \result{settings_epochs} epochs, plain SGD has reached a validation MSE of
/// \result{optimizers.sgd.val_loss|.2f}, momentum \result{optimizers.momentum.val_loss|.2f},
/// Nesterov \result{optimizers.nesterov.val_loss|.2f} and Adam
/// \result{optimizers.adam.val_loss|.2f}. \result{optimizers_verdict}
///
/// ## Outputs that must be positive, or stay in a range
///
/// A linear output can predict \f$-3\f$ mpg. For fuel economy that never happens in
/// practice, since the network learns the labels' range, but some targets must be
/// positive by nature (prices, durations, counts) and a model that sometimes says otherwise
/// is broken. Two activations on the output neuron make negative predictions impossible:
///
/// \f[ \operatorname{ReLU}(z) = \max(0, z), \qquad
///     \operatorname{softplus}(z) = \log\bigl(1 + e^{z}\bigr). \f]
///
/// ReLU is exact for positive \f$z\f$ but flat below zero: a car whose output lands there is
/// predicted as 0 mpg, and its gradient through the output is 0, so training cannot pull
/// it back on that car's account. Softplus is a smooth ReLU: always positive, close to
/// \f$z\f$ for large \f$z\f$, and with a slope \f$\sigma(z) > 0\f$ everywhere, so every car
/// keeps pulling.
///
/// When the target lives in a known interval, a squashing activation keeps the prediction
/// inside it: the logistic function \f$\sigma(z)\f$ produces values in \f$(0, 1)\f$ and
/// \f$\tanh(z)\f$ in \f$(-1, 1)\f$. The labels must then be mapped onto that interval for
/// training, and the predictions mapped back before anyone reads them. A linear map from the
/// training labels' range \f$[y_{\min}, y_{\max}]\f$ does it:
///
/// \f[ t = \ell + (y - y_{\min}) \frac{h - \ell}{y_{\max} - y_{\min}}, \qquad
///     y = y_{\min} + (t - \ell) \frac{y_{\max} - y_{\min}}{h - \ell}, \f]
///
/// with \f$[\ell, h] = [0, 1]\f$ for the logistic output and \f$[-1, 1]\f$ for tanh.
struct TargetScaling {
  float y_min, y_max;  // the range of the training labels
  float low, high;     // the range of the output activation: [0, 1] or [-1, 1]

  nn::Tensor forward(const nn::Tensor& y) const {  // mpg → the activation's range
    return low + (y - y_min) * ((high - low) / (y_max - y_min));
  }
  nn::Tensor inverse(const nn::Tensor& t) const {  // network outputs → mpg
    return y_min + (t - low) * ((y_max - y_min) / (high - low));
  }
};

/// The same MLP, trained with each output activation (the last row feeds the logistic
/// output the raw mpg labels, without scaling). Each line is the mean over
/// \result{runs} trainings from different initial weights, with every RMSE computed in mpg,
/// after the scaling has been undone:
///
/// \output{outputs}
///
/// Leaving out ReLU and the unscaled logistic row, the choices land within
/// \result{output_activation_spread|.2f} mpg of one another
/// (\result{output_activation_test_rmse.linear|.2f} for the plain linear output,
/// \result{output_activation_test_rmse.softplus|.2f} with softplus,
/// \result{output_activation_test_rmse.sigmoid|.2f} with the logistic function on scaled
/// labels): for this task, the output activation is a guarantee about the predictions'
/// range rather than a way to better ones. ReLU carries a risk the others lack. A network
/// whose output neuron starts with a negative \f$z\f$ for every car predicts 0 for all of
/// them, gets no gradient back, and never learns anything; in this run that happened to
/// \result{output_activation_stuck_runs.relu} of the \result{runs} ReLU networks (the
/// "stuck at 0" column), whose mean RMSE is \result{output_activation_test_rmse.relu|.2f};
/// one stuck network is enough to drag that mean far up. Softplus has the same shape
/// without the flat side, and cannot get stuck that way.
///
/// The bounded outputs pay for their guarantee too: they can never predict beyond the
/// training labels' range (the highest test prediction of the logistic output is
/// \result{output_activation_max_prediction.sigmoid|.1f} mpg, below the training maximum of
/// \result{train_mpg_max|.1f}), and near the ends of the range the squashing function
/// flattens, so the most and least economical cars are the hardest to fit. Without the
/// scaling, the logistic output cannot exceed 1 mpg, and the network fails completely
/// (RMSE \result{output_activation_test_rmse.sigmoid_unscaled|.1f} mpg).
// book:hide
struct OutputChoice {
  std::string name;        // the key in results.json
  std::string activation;  // of the output layer
  bool scaled;             // labels mapped onto the activation's range
  float low, high;
};

void show_outputs(nn::chapter::Context& chapter, const Cars& cars, const Settings& settings) {
  auto& out = chapter.section("outputs", "Output activations (test set, mean over runs)");
  const float y_min = xt::amin(cars.y_train)(), y_max = xt::amax(cars.y_train)();
  const std::vector<OutputChoice> choices = {
      {"linear", "linear", false, 0, 0},     {"relu", "relu", false, 0, 0},
      {"softplus", "softplus", false, 0, 0}, {"sigmoid", "sigmoid", true, 0, 1},
      {"tanh", "tanh", true, -1, 1},         {"sigmoid_unscaled", "sigmoid", false, 0, 0}};
  out << "output      labels               RMSE     MAE   highest   stuck at 0\n";
  nlohmann::json rmses, highest, stuck_runs;
  for (const OutputChoice& choice : choices) {
    const TargetScaling scaling{y_min, y_max, choice.low, choice.high};
    const nn::Tensor y_train = choice.scaled ? scaling.forward(cars.y_train) : cars.y_train;
    const nn::Tensor y_valid =
        choice.scaled ? scaling.forward(cars.y_validation) : cars.y_validation;
    double sum_rmse = 0, sum_mae = 0, top = -1e30;
    int stuck = 0;  // runs whose every test prediction is exactly 0
    for (int r = 0; r < settings.runs; ++r) {
      const Run run = train_new_mlp(cars, {y_train, y_valid}, choice.activation, "mse",
                                    settings.epochs, chapter.seed() + r);
      const nn::Tensor mpg =
          choice.scaled ? scaling.inverse(run.test_predictions) : run.test_predictions;
      sum_rmse += rmse(cars.y_test, mpg);
      sum_mae += mae(cars.y_test, mpg);
      top = std::max(top, static_cast<double>(xt::amax(mpg)()));
      stuck += xt::all(xt::equal(run.test_predictions, 0.0f));
    }
    const std::string labels =
        choice.scaled ? "scaled to [" + fixed(choice.low, 0) + ", " + fixed(choice.high, 0) + "]"
                      : "mpg";
    out << std::left << std::setw(12) << choice.activation << std::setw(19) << labels << std::right
        << std::setw(7) << fixed(sum_rmse / settings.runs, 3) << std::setw(8)
        << fixed(sum_mae / settings.runs, 3) << std::setw(10) << fixed(top, 1) << std::setw(9)
        << stuck << "\n";
    rmses[choice.name] = sum_rmse / settings.runs;
    highest[choice.name] = top;
    stuck_runs[choice.name] = stuck;
  }
  out << "(training labels range from " << y_min << " to " << y_max << " mpg)\n";
  chapter.result("runs", settings.runs);
  chapter.result("output_activation_test_rmse", rmses);
  chapter.result("output_activation_max_prediction", highest);
  chapter.result("output_activation_stuck_runs", stuck_runs);
  double low = 1e30, high = 0;
  for (const char* name : {"linear", "softplus", "sigmoid", "tanh"}) {
    low = std::min(low, rmses[name].get<double>());
    high = std::max(high, rmses[name].get<double>());
  }
  chapter.result("output_activation_spread", high - low);
}
// book:show

/// ## The loss: MSE, MAE or Huber
///
/// The loss decides what "far from the truth" means. With \f$e_i = \hat{y}_i - y_i\f$ the
/// error on car \f$i\f$, the three usual choices and the gradient each sends back are
///
/// \f[ \text{MSE} = \frac{1}{n}\sum_i e_i^2, \quad
///     \frac{\partial}{\partial \hat{y}_i} = \frac{2 e_i}{n}; \qquad
///     \text{MAE} = \frac{1}{n}\sum_i |e_i|, \quad
///     \frac{\partial}{\partial \hat{y}_i} = \frac{\operatorname{sign}(e_i)}{n}; \f]
///
/// \f[ \text{Huber}_\delta = \frac{1}{n}\sum_i h_\delta(e_i), \quad
///     h_\delta(e) = \begin{cases} \tfrac{1}{2} e^2 & |e| \le \delta
///     \\ \delta \bigl(|e| - \tfrac{1}{2}\delta\bigr) & |e| > \delta \end{cases}, \quad
///     \frac{\partial}{\partial \hat{y}_i} = \frac{\operatorname{clip}(e_i, -\delta, \delta)}{n}.
/// \f]
///
/// The MSE's gradient grows with the error: one car that is off by 30 mpg pulls as hard as
/// thirty cars that are off by 1. That is right when errors are the Gaussian noise of honest
/// measurements, and wrong when a few labels are plain mistakes (a typo, a unit mix-up),
/// since the model bends towards them. The MAE's gradient has the same size for every
/// error, so an outlier pulls no harder than any other car; but it is constant near the
/// optimum too, which makes convergence jittery, and the MAE is not differentiable at 0.
/// The Huber loss takes the best of both: quadratic (like the MSE) for errors up to
/// \f$\delta\f$, linear (like the MAE) beyond, with a gradient that never exceeds
/// \f$\delta\f$ in size. \f$\delta\f$ is in the label's unit; Keras's default, 1, means
/// 1 mpg here.
///
/// \figure{loss_functions.svg}{The three losses for one example as functions of the error
/// e (left), and their gradients (right); Huber with δ = 1}
///
/// To see the difference, we damage the training labels on purpose: a seeded tenth of the
/// training cars get between 20 and 40 mpg added to their label, as if a careless hand had
/// typed them. The validation and test labels stay correct, since the question is how well
/// each loss learns the truth from damaged examples.
nn::Tensor inject_outliers(const nn::Tensor& y, double share, std::uint64_t seed) {
  nn::Tensor damaged = y;  // (n, 1)
  nn::Rng rng(seed);
  const std::vector<std::size_t> rows = rng.permutation(y.shape(0));
  const auto count = static_cast<std::size_t>(std::lround(share * y.shape(0)));
  for (std::size_t k = 0; k < count; ++k) damaged(rows[k], 0) += rng.uniform(20.0f, 40.0f);
  return damaged;
}

/// Each loss trains the MLP \result{runs} times on the labels as they are and
/// \result{runs} times on the damaged labels; the table gives the mean test RMSE and, for
/// the damaged labels, the mean error \f$\frac{1}{n}\sum_i e_i\f$ on the test cars (the
/// *bias*: positive when the predictions are too high).
///
/// \output{losses}
///
/// On the labels as they are, the three losses are within
/// \result{clean_test_rmse_spread|.2f} mpg of one another (MSE \result{clean_test_rmse.mse|.2f},
/// MAE \result{clean_test_rmse.mae|.2f}, Huber \result{clean_test_rmse.huber|.2f}). With
/// \result{outlier_count} damaged labels, the MSE-trained network's test RMSE rises to
/// \result{outliers_test_rmse.mse|.2f}, and its predictions are too high by
/// \result{outliers_test_bias.mse|.2f} mpg on average: it tried to meet the wrong labels halfway.
/// The Huber-trained network is hurt far less
/// (\result{outliers_test_rmse.huber|.2f}, bias \result{outliers_test_bias.huber|.2f}), and
/// so is the MAE-trained one (\result{outliers_test_rmse.mae|.2f}).
///
/// \figure{outliers.svg}{Test predictions of networks trained on the damaged labels: with the
/// MSE (left) the cloud sits above the diagonal; with the Huber loss (right) it does not}
///
/// In Keras, and here, the choice is one argument: `compile("huber", ...)` for \f$\delta =
/// 1\f$, or `compile(nn::Huber(2.0), ...)` for another \f$\delta\f$. A good default for
/// regression is the MSE when the labels are clean, and the Huber loss when they may hold
/// outliers, with \f$\delta\f$ around the size of an ordinary error.
// book:hide
void show_loss_functions(nn::chapter::Context& chapter) {
  std::vector<double> e, mse, mae_loss, huber, d_mse, d_mae, d_huber;
  for (int k = -600; k <= 600; ++k) {
    const double x = k / 100.0;
    e.push_back(x);
    mse.push_back(x * x <= 8.5 ? x * x : std::nan(""));  // past the top of the frame
    mae_loss.push_back(std::abs(x));
    huber.push_back(std::abs(x) <= 1 ? 0.5 * x * x : std::abs(x) - 0.5);
    d_mse.push_back(2 * x);
    d_mae.push_back(x > 0 ? 1 : (x < 0 ? -1 : 0));
    d_huber.push_back(std::max(-1.0, std::min(1.0, x)));
  }
  nn::plot::Figure figure(900, 380);
  figure.subplots(1, 2);
  auto& left = figure.axes(0, 0);
  left.plot(e, mse, {"MSE: e²"});
  left.plot(e, mae_loss, {"MAE: |e|"});
  left.plot(e, huber, {"Huber, δ = 1"});
  left.ylim(0, 8);
  left.xlabel("error e = prediction − label");
  left.ylabel("loss");
  left.legend("upper left");
  auto& right = figure.axes(0, 1);
  right.plot(e, d_mse, {"MSE: 2e"});
  right.plot(e, d_mae, {"MAE: sign(e)"});
  right.plot(e, d_huber, {"Huber: clip(e, −1, 1)"});
  right.xlabel("error e");
  right.ylabel("gradient");
  right.legend("upper left");
  figure.save(chapter.figure("loss_functions.svg"));
}

void show_losses(nn::chapter::Context& chapter, const Cars& cars, const Settings& settings) {
  auto& out = chapter.section("losses", "MSE, MAE and Huber, with and without outliers");
  const nn::Tensor damaged = inject_outliers(cars.y_train, 0.1, chapter.seed());
  std::size_t outliers = 0;
  for (std::size_t i = 0; i < damaged.size(); ++i) outliers += damaged(i, 0) != cars.y_train(i, 0);
  const std::vector<std::pair<std::string, nn::LossArg>> losses = {
      {"mse", nn::LossArg("mse")}, {"mae", nn::LossArg("mae")}, {"huber", nn::LossArg("huber")}};
  nlohmann::json clean, damaged_rmse, damaged_bias;
  std::map<std::string, nn::Tensor> first_damaged_predictions;
  for (const auto& [name, loss] : losses) {
    double sum_clean = 0, sum_damaged = 0, sum_bias = 0;
    for (int r = 0; r < settings.runs; ++r) {
      const std::uint64_t seed = chapter.seed() + r;
      const Run plain = train_new_mlp(cars, {cars.y_train, cars.y_validation}, "linear", loss,
                                      settings.epochs, seed);
      const Run hurt =
          train_new_mlp(cars, {damaged, cars.y_validation}, "linear", loss, settings.epochs, seed);
      sum_clean += rmse(cars.y_test, plain.test_predictions);
      sum_damaged += rmse(cars.y_test, hurt.test_predictions);
      sum_bias += bias(cars.y_test, hurt.test_predictions);
      if (r == 0) first_damaged_predictions[name] = hurt.test_predictions;
    }
    clean[name] = sum_clean / settings.runs;
    damaged_rmse[name] = sum_damaged / settings.runs;
    damaged_bias[name] = sum_bias / settings.runs;
  }
  out << outliers << " of " << damaged.size() << " training labels damaged (+20 to +40 mpg)\n\n";
  out << "loss     test RMSE, clean labels   damaged labels   bias (damaged)\n";
  for (const auto& [name, loss] : losses) {
    out << std::left << std::setw(9) << name << std::right << std::setw(14)
        << fixed(clean[name].get<double>(), 3) << std::setw(23)
        << fixed(damaged_rmse[name].get<double>(), 3) << std::setw(17)
        << fixed(damaged_bias[name].get<double>(), 3) << "\n";
  }
  chapter.result("outlier_count", outliers);
  chapter.result("huber_delta", 1.0);
  chapter.result("clean_test_rmse", clean);
  double low = 1e30, high = 0;
  for (const auto& [name, value] : clean.items()) {
    low = std::min(low, value.get<double>());
    high = std::max(high, value.get<double>());
  }
  chapter.result("clean_test_rmse_spread", high - low);
  chapter.result("outliers_test_rmse", damaged_rmse);
  chapter.result("outliers_test_bias", damaged_bias);

  nn::plot::Figure figure(900, 440);
  figure.subplots(1, 2);
  const std::pair<int, std::string> panels[] = {{0, "mse"}, {1, "huber"}};
  for (const auto& [column, name] : panels) {
    auto& ax = figure.axes(0, column);
    ax.line({10, 10}, {40, 40}, {"perfect prediction", "#999999", true, 1});
    ax.scatter(xt::col(cars.y_test, 0), xt::col(first_damaged_predictions[name], 0),
               {"test cars", column == 0 ? "#d55e00" : "#0072b2", 4});
    ax.xlim(5, 50);
    ax.ylim(5, 50);
    ax.title(name == "mse" ? "trained with the MSE" : "trained with the Huber loss");
    ax.xlabel("true mpg");
    ax.ylabel("predicted mpg");
    ax.legend("upper left");
  }
  figure.save(chapter.figure("outliers.svg"));
}
// book:show

/// ## What we have learned
///
/// A regression MLP is a classifier's body with a different head: one output neuron per
/// number, no activation unless the number's range asks for one (ReLU or softplus for
/// positive values; the logistic function or tanh for a known interval, with the labels
/// scaled to match and the predictions scaled back), and a loss that measures distance.
/// Before any of it, a closed-form linear baseline tells what the network has to beat, and
/// the features are standardized with statistics from the training set only, best inside
/// the model, where a `Normalization` layer keeps them. The MSE is the default loss; the
/// Huber loss keeps a few bad labels from dragging the whole model along.
///
/// The next chapter keeps the body and changes the head again, to classify: a logistic
/// output for yes-or-no questions, one logistic output per label for several independent
/// ones, and a softmax for one class among many.
// book:hide
// One sentence on the optimizer experiment, true of this run whatever the seed.
void show_optimizers_verdict(nn::chapter::Context& chapter) {
  const nlohmann::json& o = chapter.results().at("optimizers");
  const auto val = [&](const char* name) { return o.at(name).at("val_loss").get<double>(); };
  std::ostringstream s;
  s << std::fixed << std::setprecision(1);
  if (val("momentum") < val("sgd")) {
    s << "Momentum ends " << val("sgd") / val("momentum")
      << " times lower than plain SGD at the same learning rate: it moves faster along the "
         "gentle directions of the loss. ";
  } else {
    s << "In this run momentum did not end below plain SGD. ";
  }
  const double best_sgd = std::min({val("sgd"), val("momentum"), val("nesterov")});
  if (val("adam") < best_sgd) {
    s << "Adam ends lowest of the four, with no search for a learning rate: that, and its "
         "per-weight step sizes, is why this chapter trains with it.";
  } else {
    s << "Adam does not end lowest here; this chapter trains with it all the same because its "
         "default learning rate works without the search that the SGD variants need.";
  }
  chapter.result("optimizers_verdict", s.str());
}
}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "03_regression_mlp",
      "Chapter 3: regression MLPs (Auto MPG, least squares, output activations, Huber loss)",
      {}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    const Settings settings{200, chapter.pick(20, 3)};
    const nn::AutoMpg data = nn::load_auto_mpg("data/auto_mpg.csv");
    const Cars cars = nn::split_auto_mpg(data, chapter.seed());
    show_data(chapter, data, cars);
    show_data_errors(chapter);
    const Baseline baseline = fit_linear_baseline(cars);
    show_linear(chapter, data, cars, baseline);
    show_summary(chapter, cars);
    show_mlp(chapter, data, cars, baseline, settings);
    show_optimizers(chapter, cars, settings);
    chapter.result("settings_epochs", settings.epochs);
    show_optimizers_verdict(chapter);
    show_outputs(chapter, cars, settings);
    show_loss_functions(chapter);
    show_losses(chapter, cars, settings);
  });
}
// book:show
