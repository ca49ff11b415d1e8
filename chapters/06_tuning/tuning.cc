/// # Tuning: learning rates, depth, width and when to stop
///
/// Training finds the weights; everything else is up to us. How many hidden layers, how many
/// units in each, which optimizer, how fast it steps, how many examples per step, how long to
/// train: none of these is learned by gradient descent, and each changes what gradient
/// descent can find. They are the network's *hyperparameters*. This chapter tunes the
/// classifier of chapter 4 on Fashion-MNIST, and it does so in the order that pays off most:
///
/// 1. the learning rate first, found in one short run by the *learning-rate finder*;
/// 2. how the batch size moves the learning rate with it;
/// 3. *callbacks* that decide when to stop and keep the best weights seen, so that the number
///    of epochs stops being a guess, and learning-rate schedules;
/// 4. a *random search* over depth, width, learning rate and optimizer, with trials running
///    in parallel and giving the same table as a serial run, and *Hyperband*, which spends
///    the same epochs more selectively;
/// 5. depth against width: too many layers cost little once training stops in time, while a
///    layer that is too narrow loses information that no later layer can bring back.
///
/// *Sources.* Géron's chapter 10, "Using Callbacks", "Using TensorBoard for Visualization"
/// and "Fine-Tuning Neural Network Hyperparameters" (Keras Tuner's random search and
/// Hyperband, the number of hidden layers and of neurons, the learning rate found by growing
/// it from 10⁻⁵ to 10 over 500 iterations, the batch size), and the article's section on
/// tuning. The learning-rate
/// schedules come from the start of Géron's chapter 11, which continues this material.
///
/// ## The data
///
/// The images are those of chapter 4: 55,000 for training, 5,000 held out for validation and
/// 10,000 for the final test, pixels scaled to [0, 1]. Every choice in this chapter is made
/// on the validation set; the test set is looked at once, at the end of a section, to report
/// how the chosen model does on images it never influenced. The quick run takes fewer images.
// book:hide
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "lib/callbacks/lr_schedules.h"
#include "lib/callbacks/reduce_lr_on_plateau.h"
#include "lib/chapter/chapter.h"
#include "lib/data/fashion_mnist.h"
#include "lib/error.h"
#include "lib/io/keras_h5.h"
#include "lib/io/model_checkpoint.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"
#include "lib/tuning/hyperband.h"
#include "lib/tuning/lr_rule.h"
#include "lib/tuning/search.h"

namespace {

using nn::tuning::get_double;
using nn::tuning::get_int;
using nn::tuning::get_string;

const std::string kBlue = "#0072b2", kOrange = "#d55e00", kGreen = "#009e73", kGrey = "#b0b0b0";

// Everything the sections share: the data, a smaller training set for the many short
// trainings of the search, and the run's sizes.
struct Setup {
  nn::FashionMnist data;
  nn::Tensor x_small;  // (small, 784): the first training images
  nn::Labels y_small;  // (small,)
  int max_epochs;      // for the final training, stopped early long before
  int search_trials, search_epochs, compare_epochs, batch_epochs;
  int schedule_epochs;
  int hyperband_epochs;
  std::size_t hyperband_images;
  int jobs;
};

// Output that nobody reads (TerminateOnNaN's line when a trial diverges): a stream without a
// buffer drops what it is given. One per thread, as trials run on several.
std::ostream& sink() {
  thread_local std::ostream discarded(nullptr);
  return discarded;
}

// book:show
nn::FashionMnist load_data(const nn::chapter::Context& chapter) {
  // A quick run: 1,000 validation images held out, 6,000 to train on, 2,000 to test.
  return nn::load_fashion_mnist(
      nn::chapter_subset(chapter.option("data-dir"), chapter.quick(), 1000, 6000, 2000));
}

/// \output{data}
///
/// ## The learning rate first
///
/// Of all the hyperparameters the learning rate matters most. Too small, and training crawls:
/// each step improves the loss a little, and an epoch achieves almost nothing. Too large, and
/// the steps overshoot the valley they are meant to descend, the loss jumps around, and past a
/// certain point it explodes. Between the two lies a range where training is fast and stable,
/// and its position depends on the network, the data, the loss, the optimizer and the batch
/// size, so no single number works everywhere.
///
/// The *learning-rate finder* locates that range with one short run. It starts training at a
/// tiny rate and, after every batch, multiplies the rate by a constant factor \f$q\f$, so that
/// over \f$n\f$ batches the rate sweeps geometrically from \f$\eta_{\min}\f$ to
/// \f$\eta_{\max}\f$:
///
/// \f[ \eta_i = \eta_{\min}\, q^{\,i}, \qquad q = \left(\frac{\eta_{\max}}{\eta_{\min}}
///     \right)^{1/(n-1)}, \qquad i = 0, \dots, n - 1. \f]
///
/// With \f$\eta_{\min} = 10^{-5}\f$, \f$\eta_{\max} = 10\f$ and \f$n = 500\f$ the rate grows by
/// \f$q = 10^{6/499} \approx 1.028\f$ per batch, a factor of ten every 83 batches: six decades
/// in 500 steps, which at 32 images a step is 16,000 images, under a third of an epoch on the
/// full 55,000. On a logarithmic axis the rates are evenly
/// spaced, which is the natural way to look at them: going from \f$10^{-4}\f$ to
/// \f$10^{-3}\f$ matters as much as going from \f$10^{-2}\f$ to \f$10^{-1}\f$.
///
/// The finder, `nn::LRFinder`, is a callback: `fit` calls it after every batch, and it sets
/// the optimizer's rate for the next one. It records each batch's loss. `fit` hands callbacks
/// the epoch's *running mean* \f$m_b\f$ of the loss after batch \f$b\f$, not the batch's own
/// loss, but when the batches are the same size the two are tied together,
/// \f$m_b = \bigl(b\, m_{b-1} + \ell_b\bigr)/(b+1)\f$, so the finder recovers
/// \f$\ell_b = (b+1)\,m_b - b\,m_{b-1}\f$. When the loss explodes there is nothing left to
/// learn, so it stops early: when the smoothed loss climbs past four times the lowest it has
/// been, or a loss is not a number.
///
/// The network is chapter 4's, 784 pixels in, hidden layers of 300 and 100 ReLU units, ten
/// softmax outputs, with one addition: a `Dropout(0.2)` layer after each hidden layer. While
/// training, dropout zeroes each of its inputs with probability 0.2 and scales the survivors
/// by \f$1/0.8\f$, so that their sum keeps its size; at test time it passes everything
/// through. No unit can count on any particular other unit being there, so the network cannot
/// lean on fragile combinations of a few of them, and it overfits more slowly. That will let
/// it train for longer before early stopping has to end it.
nn::Sequential fashion_mlp() {
  return nn::Sequential({nn::Dense(300, "relu"), nn::Dropout(0.2), nn::Dense(100, "relu"),
                         nn::Dropout(0.2), nn::Dense(10, "softmax")});
}

/// Here is the whole experiment, Keras's way: a fresh model, compiled with plain SGD, and one
/// call to `fit` with the finder among its callbacks.
std::shared_ptr<nn::LRFinder> run_finder(const nn::FashionMnist& data, int batch_size,
                                         std::uint64_t seed) {
  nn::set_random_seed(seed);  // the layers' initial weights
  nn::Sequential model = fashion_mlp();
  model.compile("sparse_categorical_crossentropy", nn::SGD(), {"accuracy"});
  auto finder = std::make_shared<nn::LRFinder>();  // 1e-5 → 10 over 500 batches
  const int steps_per_epoch = static_cast<int>(data.x_train.shape(0) + batch_size - 1) / batch_size;
  nn::FitOptions options;
  options.epochs = 500 / steps_per_epoch + 1;  // enough epochs for 500 batches
  options.batch_size = batch_size;
  options.seed = seed;
  options.verbose = 0;
  options.callbacks = {finder, std::make_shared<nn::TerminateOnNaN>(sink())};
  model.fit(data.x_train, data.y_train, options);
  return finder;
}

/// A single batch's loss is noisy: some batches are easier than others. To read the curve we
/// smooth it with an exponential moving average, corrected for its start at zero the way Adam
/// corrects its moments:
///
/// \f[ a_i = \beta\, a_{i-1} + (1 - \beta)\,\ell_i, \qquad
///     \bar\ell_i = \frac{a_i}{1 - \beta^{\,i+1}}, \qquad a_{-1} = 0. \f]
///
/// With \f$\beta = 0.9\f$ each smoothed value averages roughly the last ten batches. Then the
/// rule. The lowest point of the smoothed curve is *not* the rate to train with: there the
/// loss is already about to turn upwards, the steps are as large as the network can bear,
/// and a whole training at that rate would sit on the edge of divergence. The rate that
/// trains best lies well below the turning point. The rule of thumb, which we follow: take
/// the rate at the minimum of the smoothed loss and divide it by ten.
/// `nn::tuning::pick_learning_rate` is that rule:
// book:hide
struct FinderResult {
  std::shared_ptr<nn::LRFinder> finder;
  nn::tuning::LearningRatePick pick;
};

FinderResult show_finder(nn::chapter::Context& chapter, const Setup& setup) {
  auto& out = chapter.section("finder", "The learning-rate finder, batch size 32");
  // book:show
  std::shared_ptr<nn::LRFinder> finder = run_finder(setup.data, 32, chapter.seed());
  const nn::tuning::LearningRatePick pick =
      nn::tuning::pick_learning_rate(finder->learning_rates(), finder->losses());  // min / 10
  // book:hide
  const std::vector<double>& rates = finder->learning_rates();
  out << std::setprecision(3);
  out << "batches run: " << rates.size() << " of 500, rates " << rates.front() << " to "
      << rates.back() << (finder->exploded() ? " (stopped: the loss exploded)" : "") << "\n";
  out << "growth factor per batch q = " << std::setprecision(5) << finder->factor() << "\n";
  out << std::setprecision(3) << "first smoothed loss " << pick.smoothed.front()
      << ", lowest smoothed loss " << pick.min_loss << " at batch " << pick.index << "\n";
  out << "rate at the lowest smoothed loss: " << pick.min_loss_rate << "\n";
  out << "chosen rate (divided by 10):      " << pick.rate << "\n";
  chapter.result("lr_finder_batches", rates.size());
  chapter.result("lr_finder_exploded", finder->exploded());
  chapter.result("lr_finder_exploded_lr", rates.back());
  chapter.result("lr_finder_factor", finder->factor());
  chapter.result("lr_finder_min_loss", pick.min_loss);
  chapter.result("lr_finder_first_loss", pick.smoothed.front());
  chapter.result("lr_finder_min_loss_lr", pick.min_loss_rate);
  chapter.result("lr_finder_chosen_lr", pick.rate);

  nn::plot::Figure figure(720, 430);
  auto& ax = figure.axes();
  ax.scatter(rates, finder->losses(), {"loss of each batch", kGrey, 1.5});
  ax.plot(rates, pick.smoothed, {"smoothed (β = 0.9)", kBlue});
  ax.axvline(pick.min_loss_rate, {"lowest smoothed loss", kOrange, true});
  ax.axvline(pick.rate, {"chosen: ten times lower", kGreen, true});
  ax.xscale("log");
  ax.ylim(0, std::ceil(1.5 * pick.smoothed.front()));
  ax.xlabel("learning rate (log scale)");
  ax.ylabel("training loss");
  ax.legend("upper left");
  figure.save(chapter.figure("lr_finder.svg"));
  return {finder, pick};
}
// book:show

/// \output{finder}
///
/// \figure{lr_finder.svg}{The learning-rate finder on Fashion-MNIST: the loss of each batch
/// against the rate it was trained with (log scale), its smoothed curve, the rate at the lowest
/// smoothed loss and the rate chosen, ten times lower}
///
/// The curve tells the whole story of the learning rate. On the left, below about
/// \f$10^{-3}\f$, the rate is too small to matter and the loss stays near its starting value
/// of \result{lr_finder_first_loss|.2f} (close to \f$\ln 10 \approx 2.30\f$, the loss of a
/// network that spreads its probability evenly over ten classes). Then the loss starts to
/// fall, faster and faster as the rate grows, reaches its lowest smoothed value,
/// \result{lr_finder_min_loss|.2f}, at a rate of \result{lr_finder_min_loss_lr|.3g}, turns,
/// and shoots up; the finder stopped at a rate of \result{lr_finder_exploded_lr|.3g}, after
/// \result{lr_finder_batches} batches. The rule divides the rate at the bottom by ten and
/// picks \result{lr_finder_chosen_lr|.3g}.
///
/// The bottom of the curve is not the best rate for a second reason too: the finder's loss
/// falls partly because the network learns while the rate grows, so the curve mixes the
/// effect of the rate with that of training time. The rule's factor of ten leaves room for
/// both effects. It is a starting point, found in seconds, not a proof; what matters is that
/// it lands in the right decade, and the search later in this chapter checks it.
///
/// ## The batch size moves the learning rate
///
/// A batch's gradient is an average over its examples, an estimate of the gradient over the
/// whole training set. Its noise shrinks as the batch grows: the variance of an average of
/// \f$B\f$ independent terms is \f$1/B\f$ of theirs. A larger batch therefore gives a more
/// trustworthy direction, and the network can afford a larger step along it. How much larger?
/// Here is the finder again, with batches of 256 instead of 32:
// book:hide
void show_batch_size(nn::chapter::Context& chapter, const Setup& setup, const FinderResult& b32) {
  auto& out = chapter.section("batch_size", "Batch size 32 against 256");
  const std::shared_ptr<nn::LRFinder> finder = run_finder(setup.data, 256, chapter.seed());
  const nn::tuning::LearningRatePick b256 =
      nn::tuning::pick_learning_rate(finder->learning_rates(), finder->losses());
  const double ratio = b256.rate / b32.pick.rate;
  out << std::setprecision(3);
  out << "batch   rate at lowest loss   chosen rate\n";
  out << "   32   " << std::setw(19) << b32.pick.min_loss_rate << std::setw(14) << b32.pick.rate
      << "\n";
  out << "  256   " << std::setw(19) << b256.min_loss_rate << std::setw(14) << b256.rate << "\n";
  out << "ratio of the chosen rates: " << ratio << " (the batch grew 8 times)\n\n";
  chapter.result("batch_256_chosen_lr", b256.rate);
  chapter.result("batch_256_min_loss_lr", b256.min_loss_rate);
  chapter.result("batch_lr_ratio", ratio);

  // Short trainings: each batch size with its own rate, and batch 256 with batch 32's rate.
  struct Run {
    int batch;
    double rate;
    std::string name;
  };
  const std::vector<Run> runs = {{32, b32.pick.rate, "batch 32, its rate"},
                                 {256, b32.pick.rate, "batch 256, batch 32's rate"},
                                 {256, b256.rate, "batch 256, its rate"}};
  out << "after " << setup.batch_epochs << " epochs:          rate    val_accuracy\n";
  nlohmann::json table = nlohmann::json::array();
  for (const Run& run : runs) {
    nn::set_random_seed(chapter.seed());
    nn::Sequential model = fashion_mlp();
    model.compile("sparse_categorical_crossentropy", nn::SGD(run.rate), {"accuracy"});
    nn::FitOptions options;
    options.epochs = setup.batch_epochs;
    options.batch_size = run.batch;
    options.seed = chapter.seed();
    options.verbose = 0;
    model.fit(setup.data.x_train, setup.data.y_train, options);
    const double accuracy =
        model.evaluate(setup.data.x_validation, setup.data.y_validation, 256, 0).at("accuracy");
    out << std::left << std::setw(28) << run.name << std::right << std::setw(8) << run.rate
        << std::setw(12) << std::fixed << std::setprecision(4) << accuracy << "\n"
        << std::defaultfloat << std::setprecision(3);
    table.push_back(
        {{"batch_size", run.batch}, {"learning_rate", run.rate}, {"val_accuracy", accuracy}});
  }
  chapter.result("batch_runs", table);
  chapter.result("batch_epochs", setup.batch_epochs);

  nn::plot::Figure figure(720, 430);
  auto& ax = figure.axes();
  ax.plot(b32.finder->learning_rates(), b32.pick.smoothed, {"batch 32", kBlue});
  ax.plot(finder->learning_rates(), b256.smoothed, {"batch 256", kOrange});
  ax.axvline(b32.pick.rate, {"chosen, batch 32", kBlue, true});
  ax.axvline(b256.rate, {"chosen, batch 256", kOrange, true});
  ax.xscale("log");
  ax.ylim(0, std::ceil(1.5 * b32.pick.smoothed.front()));
  ax.xlabel("learning rate (log scale)");
  ax.ylabel("smoothed training loss");
  ax.legend("upper left");
  figure.save(chapter.figure("batch_size.svg"));
}
// book:show

/// \output{batch_size}
///
/// \figure{batch_size.svg}{The finder's smoothed curves for batches of 32 and 256 images, and
/// the rates the rule picks from them}
///
/// With batches of 256 the curve moves to the right, and the rule picks
/// \result{batch_256_chosen_lr|.3g} instead of \result{lr_finder_chosen_lr|.3g}:
/// \result{batch_lr_ratio|.1f} times larger, for a batch eight times larger. Two rules of
/// thumb bracket this. Write one step as \f$\Delta w = -\eta\,\hat g_B\f$, where the batch
/// gradient \f$\hat g_B\f$ has the full gradient \f$g\f$ as its mean and variance
/// \f$\sigma^2/B\f$. Eight small steps move the weights about as far as one step eight times
/// larger along the same gradient, which gives the *linear* rule: keep \f$\eta/B\f$ constant.
/// Keeping instead the noise of one step the same, \f$\operatorname{Var}(\Delta w) =
/// \eta^2\sigma^2/B\f$, gives the *square-root* rule: keep \f$\eta/\sqrt{B}\f$ constant, a
/// factor of \f$\sqrt 8 \approx 2.8\f$ here. \result{verdicts.batch_rule} Neither
/// rule is a law (the larger batches also trained on eight times more images by the time they
/// reached a given rate, which moves their curve too); the finder measures.
///
/// The short trainings show what the shift means in practice. After
/// \result{batch_epochs} epochs, batches of 32 with their rate reach
/// \result{batch_runs.0.val_accuracy|.1%} validation accuracy. Batches of 256 with the same
/// rate reach only \result{batch_runs.1.val_accuracy|.1%}: an epoch is eight times fewer steps
/// for them, of the same size. With their own, larger rate they get
/// \result{batch_runs.2.val_accuracy|.1%}: \result{verdicts.batch_recovery}. The lesson for tuning:
/// the batch size and the learning rate are not two independent knobs. Change one, and run the
/// finder again for the other.
///
/// ## Knowing when to stop: callbacks
///
/// The number of epochs is a hyperparameter too, and a strange one: too few and the network
/// underfits, too many and it overfits, and the right number depends on everything else.
/// Rather than guess it, we let training watch itself. `fit` calls *callbacks* at fixed
/// moments (before and after training, each epoch, each batch), and a callback can read the
/// logs, change the learning rate, save the model or stop the training. Keras's callbacks
/// are all here:
///
/// - `nn::EarlyStopping` watches a number, by default the validation loss, after every
///   epoch. An epoch *improves* when it beats the best value so far by more than `min_delta`;
///   when `patience` epochs in a row have not improved, it stops training, and with
///   `restore_best_weights` it puts back the weights of the best epoch. Its rule, for a loss
///   \f$v_e\f$ at epoch \f$e\f$:
///   the best value \f$b\f$ is updated only by an epoch that improves, so the comparison is
///   with the last improving epoch, not with the minimum of all earlier ones (the two differ
///   when an epoch beats \f$b\f$ by less than \f$\delta_{\min}\f$):
///   \f[ \text{improves}(e) \iff v_e < b_{e-1} - \delta_{\min}, \qquad
///       b_e = \begin{cases} v_e & \text{improves}(e) \\ b_{e-1} & \text{otherwise,}
///       \end{cases} \qquad b_0 = +\infty, \f]
///   \f[ \text{stop after epoch } e \iff \text{none of } e - p + 1, \dots, e
///       \text{ improved}. \f]
/// - `nn::ModelCheckpoint` saves the model after every epoch, or only when the monitored
///   number improves, so that a crash or a power cut costs at most one epoch. What the saved
///   file holds, and how to load it, is the subject of chapter 7; here it is enough that it
///   can be loaded back.
/// - `nn::LearningRateScheduler` sets the rate at the start of every epoch from a function of
///   the epoch and the current rate.
/// - `nn::TerminateOnNaN` stops cleanly when the loss stops being a number (the finder used
///   it above).
/// - `nn::CSVLogger` writes every epoch's logs to a CSV file as training goes.
///
/// Here is `EarlyStopping`'s rule as the library writes it. `improves` is the formula above,
/// turned around for a number that should grow, such as an accuracy. `wait_` counts the
/// epochs since the last improvement: an improvement resets it (once any `baseline` has been
/// beaten), and when it reaches `patience` the callback sets the model's `stop_training`, and
/// `fit` ends after this epoch.
///
/// \library{lib/callbacks/early_stopping.cc}{early_stopping_rule}{EarlyStopping: what counts as an
/// improvement, and when patience runs out.}
///
/// Writing one's own is a matter of overriding the moments one cares about. This callback
/// prints, after every epoch, the ratio of the validation loss to the training loss, five
/// epochs to a line. A ratio that keeps growing is overfitting, seen as it happens: the
/// network gets better at the images it trains on and no better, or worse, at new ones. The
/// callback also adds the ratio to the logs, where the callbacks after it (the CSV logger,
/// the history) find it:
class LossRatio : public nn::Callback {
 public:
  explicit LossRatio(std::ostream& out) : out_(&out) {}

  void on_epoch_end(int epoch, nn::Logs& logs) override {
    const double ratio = logs.at("val_loss") / logs.at("loss");
    logs["val_train_ratio"] = ratio;
    *out_ << "epoch " << std::setw(2) << epoch + 1 << ": " << std::fixed << std::setprecision(3)
          << ratio << std::defaultfloat << ((epoch + 1) % 5 == 0 ? "\n" : "    ");
  }

 private:
  std::ostream* out_;
};

/// Now the network is trained for real, from scratch (new initial weights), with the rate the
/// finder chose. The number of epochs is set to a generous maximum, and early stopping
/// decides:
nn::History train_with_chosen_rate(nn::Sequential& model, const nn::FashionMnist& data, double rate,
                                   const Setup& setup,
                                   std::vector<std::shared_ptr<nn::Callback>> callbacks) {
  model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
  nn::FitOptions options;
  options.epochs = setup.max_epochs;  // an upper bound: EarlyStopping ends training
  options.validation_data = {{data.x_validation, data.y_validation}};
  options.callbacks = std::move(callbacks);
  options.verbose = 0;
  return model.fit(data.x_train, data.y_train, options);
}

/// The callbacks, in the order `fit` calls them:
// book:hide
void show_final(nn::chapter::Context& chapter, const Setup& setup, double rate) {
  auto& out = chapter.section("final", "Training from scratch with the chosen rate");
  nn::set_random_seed(chapter.seed());
  // book:show
  nn::Sequential model = fashion_mlp();
  nn::EarlyStoppingOptions stopping;
  stopping.monitor = "val_loss";
  stopping.patience = chapter.pick(10, 3);
  stopping.restore_best_weights = true;
  auto early_stopping = std::make_shared<nn::EarlyStopping>(stopping);
  auto ratio = std::make_shared<LossRatio>(out);
  auto csv = std::make_shared<nn::CSVLogger>(chapter.out_dir() + "/training_log.csv");
  nn::ModelCheckpointOptions saving;
  saving.save_best_only = true;  // watches val_loss too: the file always holds the best epoch
  auto checkpoint =
      std::make_shared<nn::ModelCheckpoint>(chapter.out_dir() + "/best_model.h5", saving);
  nn::History history = train_with_chosen_rate(model, setup.data, rate, setup,
                                               {ratio, csv, checkpoint, early_stopping});
  // book:hide
  const nn::Logs test = model.evaluate(setup.data.x_test, setup.data.y_test, 256, 0);
  const nn::Logs valid = model.evaluate(setup.data.x_validation, setup.data.y_validation, 256, 0);
  const int epochs = static_cast<int>(history.epoch.size());
  const int best = early_stopping->best_epoch() + 1;  // counted from 1, as the printout does
  const int stopped =
      early_stopping->stopped_epoch() > 0 ? early_stopping->stopped_epoch() + 1 : epochs;
  out << "\nlearning rate " << std::setprecision(3) << rate << ", " << epochs
      << " epochs trained, best epoch " << best
      << (early_stopping->stopped_epoch() > 0 ? ", stopped early after epoch "
                                              : ", no early stop; last epoch ")
      << stopped << "\n";
  out << std::fixed << std::setprecision(4) << "restored weights of epoch " << best << ": val_loss "
      << valid.at("loss") << ", val_accuracy " << valid.at("accuracy") << "\n";
  out << "test set: loss " << test.at("loss") << ", accuracy " << test.at("accuracy") << "\n";
  // The checkpoint, read back from its file, is the same network.
  const std::unique_ptr<nn::Model> saved = nn::load_model(chapter.out_dir() + "/best_model.h5");
  const nn::Logs reloaded = saved->evaluate(setup.data.x_test, setup.data.y_test, 256, 0);
  out << "best_model.h5 (" << checkpoint->saved().size() << " saves), loaded back: test accuracy "
      << reloaded.at("accuracy") << "\n";
  chapter.result("checkpoint_saves", checkpoint->saved().size());
  chapter.result("checkpoint_test_accuracy", reloaded.at("accuracy"));
  chapter.result("checkpoint_matches_restored", reloaded.at("accuracy") == test.at("accuracy") &&
                                                    reloaded.at("loss") == test.at("loss"));
  out << std::defaultfloat;
  chapter.result("final_learning_rate", rate);
  chapter.result("final_epochs_trained", epochs);
  chapter.result("early_stopping_best_epoch", best);
  chapter.result("early_stopping_stopped_epoch", stopped);
  chapter.result("early_stopping_patience", stopping.patience);
  chapter.result("final_val_accuracy", valid.at("accuracy"));
  chapter.result("final_test_accuracy", test.at("accuracy"));
  chapter.result("final_test_loss", test.at("loss"));
  const std::vector<double>& ratios = history.history.at("val_train_ratio");
  chapter.result("val_train_ratio_first", ratios.front());
  chapter.result("val_train_ratio_best", ratios.at(best - 1));
  chapter.result("val_train_ratio_last", ratios.back());

  // The head of the CSV file, as a reader of the file sees it.
  std::ifstream csv_file(csv->filename());
  auto& log = chapter.section("csv", "training_log.csv, the first lines");
  std::string line;
  for (int i = 0; i < 4 && std::getline(csv_file, line); ++i) log << line << "\n";

  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  std::vector<double> epoch_numbers;
  for (int e : history.epoch) epoch_numbers.push_back(e + 1);
  const char* keys[] = {"loss", "accuracy"};
  for (int i = 0; i < 2; ++i) {
    auto& ax = figure.axes(0, i);
    const std::string key = keys[i];
    ax.plot(epoch_numbers, history.history.at(key), {"training " + key, kBlue});
    ax.plot(epoch_numbers, history.history.at("val_" + key), {"validation " + key, kOrange});
    ax.axvline(best, {"best epoch (restored)", kGreen, true});
    if (early_stopping->stopped_epoch() > 0) ax.axvline(stopped, {"stopped", kGrey, true});
    ax.xlabel("epoch");
    ax.ylabel(key);
    ax.legend(i == 0 ? "upper right" : "lower right");
  }
  figure.save(chapter.figure("learning_curves.svg"));
}
// book:show

/// \output{final}
///
/// \figure{learning_curves.svg}{Learning curves of the network trained with the chosen rate:
/// loss and accuracy on the training and validation sets, the best epoch (whose weights are
/// restored) and the epoch where early stopping ended training}
///
/// The curves tell the story of early stopping. The training loss falls epoch after epoch;
/// the validation loss falls with it at first, flattens, and reaches its lowest point at
/// epoch \result{early_stopping_best_epoch}. After that the network keeps getting better at
/// the training images and no better at new ones. Our callback's ratio shows it: it starts
/// at \result{val_train_ratio_first|.2f} after the first epoch, low because the training
/// loss is measured with dropout switched on and averaged over an epoch during which the
/// network was still improving, both of which make it look worse than it is. From there it
/// climbs, to \result{val_train_ratio_best|.2f} at the best epoch and
/// \result{val_train_ratio_last|.2f} at the end. \result{early_stopping_patience} epochs
/// without a new best after epoch \result{early_stopping_best_epoch}, early stopping ended
/// training after epoch \result{early_stopping_stopped_epoch} and restored the weights of the
/// best epoch. With them the network classifies \result{final_test_accuracy|.2%} of the test
/// images correctly: a rate found in seconds, and a rule for when to stop, train the network
/// to chapter 4's level or a little beyond, without a single guess about the number of epochs.
///
/// The checkpoint was written \result{checkpoint_saves} times, each time the validation loss
/// reached a new low, so the file holds the same best epoch: loaded back with
/// `nn::load_model`, it scores exactly the same on the test set,
/// \result{checkpoint_test_accuracy|.2%}. Had the machine crashed halfway through, the best
/// network so far would have been on disk.
///
/// The CSV logger wrote the same logs, one line per epoch, with the ratio our callback added:
///
/// \output{csv}
///
/// The file is rewritten whole after every epoch, to a temporary file renamed over the old
/// one, so whoever reads it while training runs (a plotting script, a colleague) always finds
/// complete lines.
///
/// Keras users would watch these curves in *TensorBoard*, TensorFlow's browser dashboard:
/// Keras's `TensorBoard` callback writes the logs of every epoch (and, if asked, histograms
/// of the weights and a profile of the training steps) to event files, and the `tensorboard`
/// server draws them live and lets several runs be compared side by side. This book stays
/// offline and TensorFlow-free, so it offers the two pieces that cover the everyday use: the
/// CSV file above, which any plotting tool reads while training runs, and the learning-curve
/// figures that the chapters draw from `History`.
///
/// A *learning-rate schedule* changes the rate while training runs, usually from large to
/// small: big steps while the network is far from any minimum, small ones to settle into
/// one. `nn::LearningRateScheduler` takes any function of the epoch and the current rate;
/// `nn::exponential_decay(rate, s)` divides the rate by ten every \f$s\f$ epochs. It is passed
/// to `fit` like the others (here for four epochs on a few images):
// book:hide
void show_scheduler(nn::chapter::Context& chapter, const Setup& setup, double rate) {
  auto& out = chapter.section("scheduler", "LearningRateScheduler: exponential decay");
  nn::set_random_seed(chapter.seed());
  nn::Sequential model({nn::Dense(300, "relu"), nn::Dense(100, "relu"), nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
  nn::FitOptions options;
  options.epochs = 4;
  options.seed = chapter.seed();
  options.verbose = 0;
  // book:show
  // lr(epoch) = rate · 0.1^(epoch / 2): ten times smaller every second epoch.
  options.callbacks = {std::make_shared<nn::LearningRateScheduler>(nn::exponential_decay(rate, 2))};
  // book:hide
  const auto x = xt::view(setup.x_small, xt::range(0, 2000), xt::all());
  const auto y = xt::view(setup.y_small, xt::range(0, 2000));
  nn::History history = model.fit(nn::Tensor(x), nn::Labels(y), options);
  out << "epoch   learning rate\n";
  for (std::size_t e = 0; e < history.epoch.size(); ++e) {
    out << std::setw(5) << e + 1 << std::setw(16) << std::setprecision(4)
        << history.history.at("lr")[e] << "\n";
  }
  chapter.result("scheduler_rates", history.history.at("lr"));
}
// book:show

/// \output{scheduler}
///
/// The scheduler writes the rate of each epoch into the logs as `lr`, so the history keeps
/// it for plotting beside the loss.
///
/// ### Schedules with Keras's names
///
/// Keras changes the rate more often than once an epoch: a *schedule* gives it for every
/// optimizer step \f$t\f$ (every batch), and the library has the common ones under Keras's
/// names, applied by the `nn::StepSchedule` callback before each batch:
///
/// - `nn::ExponentialDecay(η₀, s, r)`: \f$\eta_t = \eta_0\, r^{t/s}\f$, a smooth decay by a
///   factor \f$r\f$ every \f$s\f$ steps;
/// - `nn::PiecewiseConstantDecay({b₀, b₁}, {v₀, v₁, v₂})`: \f$v_0\f$ up to step \f$b_0\f$,
///   \f$v_1\f$ up to \f$b_1\f$, then \f$v_2\f$;
/// - `nn::OneCycle(T, η_max)`: Leslie Smith's *1cycle*, as Géron writes it: the rate climbs
///   linearly from \f$\eta_\text{max}/10\f$ to \f$\eta_\text{max}\f$ over the first half
///   of the run, comes back down over the second, and drops a thousandfold over the last
///   tenth; the large rates in the middle explore, the small ones at the end settle;
/// - `nn::ReduceLROnPlateau`: no plan at all, but a reaction: when the validation loss has not
///   improved for `patience` epochs, the rate is multiplied by `factor`.
///
/// One experiment compares them with the constant rate the finder chose: the chapter 4
/// network, trained on \result{schedules_images|,} images for \result{schedules_epochs}
/// epochs with SGD, once per schedule, from the same initial weights:
std::vector<std::pair<std::string, std::shared_ptr<nn::Callback>>> schedules(double rate,
                                                                             int steps) {
  nn::ReduceLROnPlateauOptions plateau{.factor = 0.5, .patience = 1};
  return {{"constant", nullptr},
          {"exponential", nn::step_schedule(nn::ExponentialDecay(rate, steps, 0.1))},
          {"piecewise", nn::step_schedule(nn::PiecewiseConstantDecay({steps / 2, 3 * steps / 4},
                                                                     {rate, rate / 4, rate / 16}))},
          {"onecycle", nn::step_schedule(nn::OneCycle(steps, 2 * rate))},
          {"plateau", std::make_shared<nn::ReduceLROnPlateau>(plateau)}};
}
// book:hide
void show_schedules(nn::chapter::Context& chapter, const Setup& setup, double rate) {
  auto& out = chapter.section("schedules", "Learning-rate schedules against a constant rate");
  const int epochs = setup.schedule_epochs;
  const int steps = epochs * static_cast<int>((setup.x_small.shape(0) + 31) / 32);
  nlohmann::json results;
  out << "schedule      val_accuracy   val_loss   last rate\n";
  for (const auto& [name, callback] : schedules(rate, steps)) {
    nn::set_random_seed(chapter.seed());
    nn::Sequential model(
        {nn::Dense(300, "relu"), nn::Dense(100, "relu"), nn::Dense(10, "softmax")});
    model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
    nn::FitOptions options;
    options.epochs = epochs;
    options.seed = chapter.seed();
    options.verbose = 0;
    options.validation_data = {{setup.data.x_validation, setup.data.y_validation}};
    if (callback) options.callbacks = {callback};
    const nn::History history = model.fit(setup.x_small, setup.y_small, options);
    const double accuracy = history.history.at("val_accuracy").back();
    const double loss = history.history.at("val_loss").back();
    out << std::left << std::setw(14) << name << std::right << std::fixed << std::setprecision(4)
        << std::setw(12) << accuracy << std::setw(11) << loss << std::setw(12)
        << std::setprecision(5) << model.optimizer().learning_rate() << "\n";
    results[name] = {{"val_accuracy", accuracy}, {"val_loss", loss}};
  }
  std::string best = "constant";
  for (const auto& [name, r] : results.items()) {
    if (r.at("val_accuracy").get<double>() > results[best].at("val_accuracy").get<double>()) {
      best = name;
    }
  }
  int beat = 0;
  for (const auto& [name, r] : results.items()) {
    beat += name != "constant" && r.at("val_accuracy").get<double>() >
                                      results["constant"].at("val_accuracy").get<double>();
  }
  std::ostringstream verdict;
  verdict << "In this run " << beat << " of the four schedules ended above the constant rate, "
          << "and the best was " << (best == "constant" ? "the constant rate itself" : best) << ".";
  results["verdict"] = verdict.str();
  chapter.result("schedules", results);
  chapter.result("schedules_epochs", epochs);
  chapter.result("schedules_images", setup.x_small.shape(0));
}
// book:show

/// \output{schedules}
///
/// \result{schedules.verdict} Differences of a few tenths of a point are within the noise of
/// one run, but the shape of the schedule changes where training ends: the decaying
/// schedules finish with small steps that settle into a minimum, which a constant rate never
/// does. 1cycle's rate is highest in the middle of training, and its gains, when it has them,
/// come from the fast exploration there and the very small rate at the end. Géron's chapter 11
/// compares these schedules on Fashion-MNIST at length; the lesson there and here is the same:
/// a schedule is cheap to try once a good constant rate is known.
///
/// ## Searching depth, width, rate and optimizer
///
/// The finder tunes one number for one network. Which network, though? How many hidden
/// layers (zero to eight, say), how many units per layer, which optimizer? The number of
/// combinations grows as the product of the options, and each one costs a training.
/// *Grid search* tries every combination of a few listed values per hyperparameter: simple,
/// and wasteful, because most hyperparameters barely matter and a grid spends as many trials
/// on each value of an unimportant one as on the important ones. *Random search* draws each
/// trial's hyperparameters independently from a distribution; with the same budget it tries
/// many more distinct values of whichever hyperparameter turns out to matter. Both are in
/// `nn::tuning`; we use random search over this space:
// book:hide
nn::tuning::SearchSpace search_space() {
  // book:show
  using nn::tuning::Distribution;
  return {{"hidden_layers", Distribution::int_uniform(0, 8)},
          {"neurons", Distribution::int_uniform(1, 300)},
          {"learning_rate", Distribution::log_uniform(1e-4, 1e-1)},
          {"optimizer", Distribution::choice({"sgd", "adam"})}};
  // book:hide
}
// book:show

/// The learning rate is drawn *log-uniformly*: its logarithm is uniform, so each factor of
/// ten, \f$[10^{-4}, 10^{-3})\f$, \f$[10^{-3}, 10^{-2})\f$, \f$[10^{-2}, 10^{-1})\f$, gets a
/// third of the trials. From a uniform \f$u \in [0, 1)\f$:
///
/// \f[ \eta = \exp\bigl(\ln \eta_{\mathrm{low}} + u\,(\ln \eta_{\mathrm{high}} -
///     \ln \eta_{\mathrm{low}})\bigr). \f]
///
/// A plain uniform draw from the same interval would put 90% of the trials in the last
/// decade and hardly ever try a small rate.
///
/// Each trial builds a fresh network from its hyperparameters, trains it with early stopping
/// (patience 3) on a smaller training set, so that the search costs minutes rather than hours,
/// and returns the validation accuracy of its best epoch. A trial whose loss becomes NaN
/// (a large rate with Adam, say) is stopped by `TerminateOnNaN` and simply scores badly:
nn::Sequential build_model(const nn::tuning::Params& params) {
  nn::Sequential model;
  for (int layer = 0; layer < get_int(params, "hidden_layers"); ++layer) {
    model.add(nn::Dense(get_int(params, "neurons"), "relu"));
  }
  model.add(nn::Dense(10, "softmax"));
  const double rate = get_double(params, "learning_rate");
  if (get_string(params, "optimizer") == "adam") {
    model.compile("sparse_categorical_crossentropy", nn::Adam(rate), {"accuracy"});
  } else {
    model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
  }
  return model;
}

nn::Logs run_trial(const nn::tuning::Trial& trial, const nn::Tensor& x, const nn::Labels& y,
                   const nn::FashionMnist& data, int max_epochs) {
  nn::Sequential model = build_model(trial.params);  // weights from the trial's seed
  nn::EarlyStoppingOptions stopping;
  stopping.patience = 3;
  stopping.restore_best_weights = true;
  nn::FitOptions options;
  options.epochs = max_epochs;
  options.validation_data = {{data.x_validation, data.y_validation}};
  options.seed = trial.seed;  // the shuffles too
  options.verbose = 0;
  options.callbacks = {std::make_shared<nn::EarlyStopping>(stopping),
                       std::make_shared<nn::TerminateOnNaN>(sink())};
  const nn::History history = model.fit(x, y, options);
  const nn::Logs best = model.evaluate(data.x_validation, data.y_validation, 256, 0);
  return {{"val_accuracy", best.at("accuracy")},
          {"val_loss", best.at("loss")},
          {"epochs", static_cast<double>(history.epoch.size())}};
}

/// \underthehood{Parallel trials, identical results}
///
/// The search runs its trials on `--jobs` threads at once. Parallel training is easy to get
/// subtly wrong: if a trial's random numbers depended on which thread ran it, or on which
/// trials happened to run on that thread before, the table would change from run to run.
/// Here nothing does. All the points are drawn before the first trial starts; trial \f$k\f$
/// gets the seed `trial_seed(search_seed, k)`, a hash of the two numbers; the search restarts
/// the thread's layer seeds with it before calling the objective, and passes it on for the
/// shuffles; the library keeps its mutable state (the tape, the seed generator) per thread;
/// and the matrix products run on one BLAS thread each, so their rounding does not depend on
/// how many trials run beside them.
///
/// \endunderthehood
// book:hide
nlohmann::json trial_json(const nn::tuning::TrialResult& trial) {
  return {{"trial", trial.index},
          {"hidden_layers", get_int(trial.params, "hidden_layers")},
          {"neurons", get_int(trial.params, "neurons")},
          {"learning_rate", get_double(trial.params, "learning_rate")},
          {"optimizer", get_string(trial.params, "optimizer")},
          {"val_accuracy", trial.score},
          {"epochs", trial.logs.count("epochs") ? trial.logs.at("epochs") : 0.0}};
}

const std::vector<std::string> kColumns = {"hidden_layers", "neurons", "learning_rate",
                                           "optimizer"};

nn::tuning::SearchResult show_search(nn::chapter::Context& chapter, const Setup& setup) {
  auto& out = chapter.section("search", "Random search: the trials, best first");
  std::cerr << "random search: " << setup.search_trials << " trials on " << setup.jobs
            << " thread(s)\n";
  int done = 0;
  // book:show
  nn::tuning::SearchOptions options;
  options.objective = "val_accuracy";
  options.jobs = setup.jobs;
  options.seed = chapter.seed();
  options.on_trial_end = [&](const nn::tuning::TrialResult& trial) {
    std::cerr << "  trial " << trial.index << " done (" << ++done << "/" << setup.search_trials
              << "): val_accuracy " << trial.score << "\n";
  };
  const nn::tuning::SearchResult search = nn::tuning::random_search(
      search_space(), setup.search_trials,
      [&](const nn::tuning::Trial& trial) {
        return run_trial(trial, setup.x_small, setup.y_small, setup.data, setup.search_epochs);
      },
      options);
  // book:hide
  out << search.table(kColumns);
  nlohmann::json trials = nlohmann::json::array();
  for (const auto& trial : search.trials) trials.push_back(trial_json(trial));
  chapter.result("search_trials", trials);
  chapter.result("search_trial_count", search.trials.size());
  chapter.result("search_training_images", setup.x_small.shape(0));
  chapter.result("search_max_epochs", setup.search_epochs);
  chapter.result("search_best", trial_json(search.best()));
  chapter.result("search_best_val_accuracy", search.best().score);
  for (const auto& trial : search.trials) {  // best first: the first SGD trial is the best one
    if (get_string(trial.params, "optimizer") == "sgd") {
      chapter.result("search_best_sgd", trial_json(trial));
      break;
    }
  }
  chapter.result("search_worst_val_accuracy", search.trials.back().score);

  // Accuracy against the rate (log) by optimizer, and against the depth.
  nn::plot::Figure figure(960, 400);
  figure.subplots(1, 2);
  for (const std::string optimizer : {"sgd", "adam"}) {
    std::vector<double> rates, layers, scores;
    for (const auto& trial : search.trials) {
      if (get_string(trial.params, "optimizer") != optimizer) continue;
      rates.push_back(get_double(trial.params, "learning_rate"));
      layers.push_back(get_int(trial.params, "hidden_layers"));
      scores.push_back(trial.score);
    }
    const bool sgd = optimizer == "sgd";
    const nn::plot::ScatterStyle style{sgd ? "SGD" : "Adam", sgd ? kBlue : kOrange, 5,
                                       sgd ? nn::plot::Marker::circle : nn::plot::Marker::square};
    figure.axes(0, 0).scatter(rates, scores, style);
    figure.axes(0, 1).scatter(layers, scores, style);
  }
  auto& left = figure.axes(0, 0);
  left.xscale("log");
  left.xlabel("learning rate (log scale)");
  left.ylabel("validation accuracy");
  left.legend("best");
  auto& right = figure.axes(0, 1);
  right.xlabel("hidden layers");
  right.ylabel("validation accuracy");
  right.legend("best");
  figure.save(chapter.figure("search.svg"));
  return search;
}
// book:show

/// \output{search}
///
/// \figure{search.svg}{The random search's trials: validation accuracy against the learning
/// rate (left, log scale) and against the number of hidden layers (right), for SGD and Adam}
///
/// The \result{search_trial_count} trials, each trained on \result{search_training_images}
/// images for at most \result{search_max_epochs} epochs, range from
/// \result{search_worst_val_accuracy|.1%} to \result{search_best_val_accuracy|.1%}
/// validation accuracy. The left plot shows why the learning rate comes first: the worst
/// trials are those whose rate was far from their optimizer's good range, SGD with rates
/// too small to get anywhere in a few epochs, Adam with rates so large that it cannot settle.
/// The two ranges differ. Adam divides each step by a running estimate of the gradient's
/// size, so its steps are about as large as its rate whatever the gradient, and it wants
/// smaller rates than SGD, whose steps are the rate times the gradient. The best SGD trial
/// used \result{search_best_sgd.learning_rate|.3g} (the finder picked
/// \result{lr_finder_chosen_lr|.3g}). The right plot sets depth against score:
/// \result{verdicts.depth} The best trial had \result{search_best.hidden_layers} hidden layers of
/// \result{search_best.neurons} units, trained with \result{search_best.optimizer} at a rate
/// of \result{search_best.learning_rate|.3g}. (With no hidden layer the network is a
/// softmax regression on the pixels, and its `neurons` are unused.)
///
/// Random search is a blunt tool, and the ranking near the top is partly luck: a trial's
/// score moves by a few tenths of a point with its seed alone. What it reliably does is rule
/// out the bad regions and point at the good one, where a finer search, or the finder, can
/// take over. Refitting the best trial on all 55,000 training images, with early stopping:
// book:hide
void show_refit(nn::chapter::Context& chapter, const Setup& setup,
                const nn::tuning::SearchResult& search) {
  auto& out = chapter.section("refit", "The best trial, refitted on the full training set");
  nn::set_random_seed(chapter.seed());
  // book:show
  nn::Sequential best = build_model(search.best().params);
  nn::EarlyStoppingOptions stopping;
  stopping.patience = chapter.pick(5, 2);
  stopping.restore_best_weights = true;
  nn::FitOptions options;
  options.epochs = setup.max_epochs;
  options.validation_data = {{setup.data.x_validation, setup.data.y_validation}};
  options.callbacks = {std::make_shared<nn::EarlyStopping>(stopping)};
  options.verbose = 0;
  nn::History history = best.fit(setup.data.x_train, setup.data.y_train, options);
  // book:hide
  const nn::Logs valid = best.evaluate(setup.data.x_validation, setup.data.y_validation, 256, 0);
  const nn::Logs test = best.evaluate(setup.data.x_test, setup.data.y_test, 256, 0);
  out << "the best trial:";
  for (const std::string& name : kColumns) {
    out << " " << name << " = " << nn::tuning::to_string(search.best().params.at(name));
  }
  out << "\n"
      << history.epoch.size() << " epochs on " << setup.data.x_train.shape(0) << " images; "
      << std::fixed << std::setprecision(4) << "val_accuracy " << valid.at("accuracy")
      << ", test accuracy " << test.at("accuracy") << "\n"
      << std::defaultfloat;
  chapter.result("search_refit_epochs", history.epoch.size());
  chapter.result("search_refit_val_accuracy", valid.at("accuracy"));
  chapter.result("search_best_test_accuracy", test.at("accuracy"));
}

// A small search run twice, serially and on several threads: the two tables must be equal.
void show_serial_parallel(nn::chapter::Context& chapter, const Setup& setup) {
  auto& out = chapter.section("parallel", "The same search, serial and parallel");
  const nn::Tensor x = xt::view(setup.x_small, xt::range(0, 1000), xt::all());
  const nn::Labels y = xt::view(setup.y_small, xt::range(0, 1000));
  const auto objective = [&](const nn::tuning::Trial& trial) {
    return run_trial(trial, x, y, setup.data, 2);
  };
  nn::tuning::SearchOptions options;
  options.seed = chapter.seed() + 1;
  options.jobs = 1;
  const nn::tuning::SearchResult serial =
      nn::tuning::random_search(search_space(), 6, objective, options);
  options.jobs = std::max(2, setup.jobs);
  const nn::tuning::SearchResult parallel =
      nn::tuning::random_search(search_space(), 6, objective, options);
  const bool equal = serial.trials == parallel.trials && serial.table() == parallel.table();
  out << "6 trials, 1,000 training images, 2 epochs each\n";
  out << "serial (1 thread):\n" << serial.table(kColumns);
  out << "parallel (" << options.jobs << " threads): "
      << (equal ? "the same table, number for number\n"
                : "DIFFERENT:\n" + parallel.table(kColumns));
  chapter.result("serial_parallel_tables_equal", equal);
  chapter.result("serial_parallel_threads", options.jobs);
}
// book:show

/// \output{refit}
///
/// With all the training images the best trial's network reaches
/// \result{search_best_test_accuracy|.2%} on the test set, against
/// \result{final_test_accuracy|.2%} for the network tuned with the finder.
/// \result{verdicts.search_vs_finder} Its trials were short and ran on a subset, so the search
/// ranked networks by how fast they learn as much as by how well; and its space had no dropout, so
/// it could not find what the finder's network had. A search finds the best of what its space
/// contains, as well as its trials can measure it.
///
/// Is the parallel search really the serial one? The chapter checks it on every run: a small
/// search, run once on one thread and once on several, with the same seed.
///
/// \output{parallel}
///
/// ## Beyond random search: successive halving and Hyperband
///
/// Keras users rarely write a search loop themselves: *Keras Tuner* (the `keras_tuner`
/// package) does it. One writes a function `build_model(hp)` that asks the object `hp` for
/// each hyperparameter (`hp.Int("n_hidden", 0, 8)`, `hp.Float("learning_rate", 1e-4, 1e-2,
/// sampling="log")`, `hp.Choice("optimizer", ["sgd", "adam"])`) and returns a compiled model;
/// a tuner (`kt.RandomSearch`, `kt.Hyperband` or `kt.BayesianOptimization`) calls it with
/// different answers and keeps the best. `nn::tuning` plays the same part with a search space
/// and an objective.
///
/// Random search spends the same number of epochs on every trial, even on those that are
/// visibly hopeless after one epoch. *Successive halving* does not: it trains many trials for
/// a few epochs, keeps the best third, trains those three times longer, and so on, until a
/// few survivors have trained for the full budget. Its risk is to drop a slow starter too
/// early, so *Hyperband* (Li et al., 2018; Keras Tuner's `Hyperband`) runs several such
/// brackets, from "many trials, one epoch first" down to "a few trials, full budget from the
/// start", which is random search again. `nn::tuning::hyperband(space, max_epochs, factor,
/// objective)` does that, with an objective that receives the epochs to train for. We give it
/// the space of the random search above, and then give random search the same number of
/// epochs, each of its trials trained for the full budget:
nn::tuning::HyperbandResult run_hyperband(const Setup& setup, const nn::Tensor& x,
                                          const nn::Labels& y, std::uint64_t seed) {
  return nn::tuning::hyperband(search_space(), setup.hyperband_epochs, /*factor=*/3,
                               [&](const nn::tuning::Trial& trial, int epochs) {
                                 return run_trial(trial, x, y, setup.data, epochs);
                               },
                               {.objective = "val_accuracy", .jobs = setup.jobs, .seed = seed});
}
// book:hide
void show_hyperband(nn::chapter::Context& chapter, const Setup& setup) {
  auto& out = chapter.section("hyperband", "Hyperband against random search, same epochs");
  const std::size_t rows = std::min<std::size_t>(setup.hyperband_images, setup.x_small.shape(0));
  const nn::Tensor x = xt::view(setup.x_small, xt::range(0, rows), xt::all());
  const nn::Labels y = xt::view(setup.y_small, xt::range(0, rows));
  std::cerr << "hyperband: up to " << setup.hyperband_epochs << " epochs per trial\n";
  const nn::tuning::HyperbandResult hb = run_hyperband(setup, x, y, chapter.seed());
  out << "Hyperband (factor 3, at most " << setup.hyperband_epochs << " epochs a trial, " << rows
      << " images)\n";
  out << "bracket   epochs   trials   best val_accuracy\n";
  for (const nn::tuning::Rung& rung : hb.rungs) {
    out << std::setw(7) << rung.bracket << std::setw(9) << rung.epochs << std::setw(9)
        << rung.result.trials.size() << std::setw(20) << std::fixed << std::setprecision(4)
        << rung.result.trials.front().score << "\n";
  }
  const int random_trials = std::max(1, hb.epochs_used / setup.hyperband_epochs);
  const nn::tuning::SearchResult random = nn::tuning::random_search(
      search_space(), random_trials,
      [&](const nn::tuning::Trial& trial) {
        return run_trial(trial, x, y, setup.data, setup.hyperband_epochs);
      },
      {.objective = "val_accuracy", .jobs = setup.jobs, .seed = chapter.seed() + 1});
  const int random_epochs = random_trials * setup.hyperband_epochs;
  out << "\n                 trials tried   epochs   best val_accuracy\n";
  out << "Hyperband        " << std::setw(12) << hb.trials_started << std::setw(9) << hb.epochs_used
      << std::setw(20) << hb.best().score << "\n";
  out << "random search    " << std::setw(12) << random_trials << std::setw(9) << random_epochs
      << std::setw(20) << random.best().score << "\n";
  chapter.result("hyperband", {{"best_val_accuracy", hb.best().score},
                               {"epochs_used", hb.epochs_used},
                               {"trials", hb.trials_started},
                               {"max_epochs", setup.hyperband_epochs}});
  chapter.result("random_search", {{"best_val_accuracy", random.best().score},
                                   {"epochs_used", random_epochs},
                                   {"trials", random_trials}});
  std::ostringstream verdict;
  verdict << std::fixed << std::setprecision(1) << "For " << hb.epochs_used
          << " epochs Hyperband tried " << hb.trials_started << " networks and random search "
          << random_trials << "; "
          << (hb.best().score > random.best().score
                  ? "Hyperband's best network is the better one in this run"
              : hb.best().score < random.best().score
                  ? "random search's best network is the better one in this run"
                  : "their best networks score the same")
          << " (" << 100 * hb.best().score << "% against " << 100 * random.best().score << "%).";
  chapter.result("hyperband_verdict", verdict.str());
}
// book:show

/// \output{hyperband}
///
/// \result{hyperband_verdict} One run of each decides little, since both depend on the
/// points they happened to draw. What Hyperband reliably buys is breadth: for the same
/// epochs it looks at more networks (\result{hyperband.trials} against
/// \result{random_search.trials} here), at the price of judging most of them after a short
/// first rung, which favours fast learners over slow ones.
///
/// ## Depth against width
///
/// The search says that depth matters less than the rate. Two experiments show why, and where
/// width does matter. First, a network with more layers than the problem needs, six hidden
/// layers of 100 units. Its extra capacity could overfit, but early stopping ends training
/// when the validation loss turns, so the excess costs little but training time; it is often
/// a better bet to make a network a little too big and stop it in time than to search for
/// its exact size. Second, networks with a *bottleneck*: a hidden layer of 2 units, or of 1,
/// between layers of 300 and 100. Each layer sees only what the layer below passes on, so
/// whatever the narrow layer cannot encode is lost for good, and no width above it can bring
/// it back. All four networks train with the chosen rate and early stopping (patience 5), on
/// the search's images:
// book:hide
struct Architecture {
  std::string name;
  std::vector<int> hidden;
};

void show_depth_width(nn::chapter::Context& chapter, const Setup& setup, double rate) {
  auto& out = chapter.section("depth_width", "Depth against width");
  const std::vector<Architecture> architectures = {
      {"300-100", {300, 100}},
      {"6 x 100 (deep)", {100, 100, 100, 100, 100, 100}},
      {"300-2-100 (bottleneck)", {300, 2, 100}},
      {"300-1-100 (bottleneck)", {300, 1, 100}}};
  const char* keys[] = {"reference", "deep", "bottleneck", "bottleneck_1"};
  const std::string colors[] = {kBlue, kGreen, kOrange, "#cc79a7"};
  nn::plot::Figure figure(720, 430);
  auto& ax = figure.axes();
  out << "network                   parameters  epochs  best epoch  train acc.  val_accuracy\n";
  nlohmann::json results = nlohmann::json::object();
  for (std::size_t a = 0; a < architectures.size(); ++a) {
    nn::set_random_seed(chapter.seed());
    nn::Sequential model;
    for (int units : architectures[a].hidden) model.add(nn::Dense(units, "relu"));
    model.add(nn::Dense(10, "softmax"));
    model.compile("sparse_categorical_crossentropy", nn::SGD(rate), {"accuracy"});
    nn::EarlyStoppingOptions stopping;
    stopping.patience = chapter.pick(5, 2);
    stopping.restore_best_weights = true;
    auto stop = std::make_shared<nn::EarlyStopping>(stopping);
    nn::FitOptions options;
    options.epochs = setup.compare_epochs;
    options.validation_data = {{setup.data.x_validation, setup.data.y_validation}};
    options.seed = chapter.seed();
    options.verbose = 0;
    options.callbacks = {stop};
    nn::History history = model.fit(setup.x_small, setup.y_small, options);
    const double train = model.evaluate(setup.x_small, setup.y_small, 256, 0).at("accuracy");
    const double valid =
        model.evaluate(setup.data.x_validation, setup.data.y_validation, 256, 0).at("accuracy");
    out << std::left << std::setw(26) << architectures[a].name << std::right << std::setw(10)
        << model.count_params() << std::setw(8) << history.epoch.size() << std::setw(12)
        << stop->best_epoch() + 1 << std::fixed << std::setprecision(4) << std::setw(12) << train
        << std::setw(14) << valid << std::defaultfloat << "\n";
    results[keys[a]] = {{"name", architectures[a].name},  {"parameters", model.count_params()},
                        {"epochs", history.epoch.size()}, {"best_epoch", stop->best_epoch() + 1},
                        {"train_accuracy", train},        {"val_accuracy", valid}};
    std::vector<double> epochs;
    for (int e : history.epoch) epochs.push_back(e + 1);
    ax.plot(epochs, history.history.at("val_accuracy"), {architectures[a].name, colors[a]});
  }
  // Differences from the 300-100 network, in percentage points.
  const double reference = results["reference"]["val_accuracy"];
  for (const char* key : {"deep", "bottleneck", "bottleneck_1"}) {
    results[key]["points_below_reference"] =
        100.0 * (reference - results[key]["val_accuracy"].get<double>());
  }
  chapter.result("depth_width", results);
  ax.xlabel("epoch");
  ax.ylabel("validation accuracy");
  ax.legend("lower right");
  figure.save(chapter.figure("depth_width.svg"));
}
// book:show

/// \output{depth_width}
///
/// \figure{depth_width.svg}{Validation accuracy per epoch of four networks trained on the
/// search's images with the chosen rate and early stopping: the 300-100 network, a deeper one
/// and two with a bottleneck of 2 units and of 1}
///
/// The deep network ends \result{depth_width.deep.points_below_reference|.1f} points from the
/// 300-100 network (\result{depth_width.deep.val_accuracy|.1%} against
/// \result{depth_width.reference.val_accuracy|.1%}), with half the parameters: more layers
/// than needed did no harm once early stopping was in charge. The bottlenecks are another
/// matter. They have almost as many weights as the reference and trained for longer, yet the
/// 2-unit network ends \result{depth_width.bottleneck.points_below_reference|.1f} points
/// lower and the 1-unit network \result{depth_width.bottleneck_1.points_below_reference|.0f}
/// points lower; the one unit leaves even the training images out of reach, with
/// \result{depth_width.bottleneck_1.train_accuracy|.1%} of them right against
/// \result{depth_width.reference.train_accuracy|.1%} for the reference. In principle one real
/// number can carry a lot; in practice, squeezing every image onto a line, or onto a plane,
/// merges distinctions that the classes need, and the wide layers after the bottleneck never
/// see what it merged. A layer that is too narrow is the one architectural mistake that early
/// stopping cannot fix.
///
/// ## What to tune, and in which order
///
/// The experiments of this chapter add up to a short procedure. Start from a network a little
/// larger than needed (a few hidden layers of a few hundred units for images this size) and
/// keep every layer reasonably wide. Find the learning rate with the finder, for the batch
/// size you will use, and take a tenth of the rate at the bottom of the curve. Train with
/// early stopping and restored best weights, a checkpoint for safety, and a generous number
/// of epochs. Only then, if the result is not good enough, search: random rather than grid,
/// with the rate drawn log-uniformly, on a subset of the data, in parallel if there are cores
/// to spare, and refit the winner on everything.
///
/// \runtime Its random search ran its trials on `--jobs` threads; with any number of threads
/// it prints the same table.
// book:hide
Setup make_setup(nn::chapter::Context& chapter) {
  Setup setup;
  setup.data = load_data(chapter);
  const std::size_t small = chapter.pick<std::size_t>(15000, 2000);
  setup.x_small = xt::view(setup.data.x_train, xt::range(0, small), xt::all());
  setup.y_small = xt::view(setup.data.y_train, xt::range(0, small));
  setup.max_epochs = chapter.pick(200, 6);
  setup.search_trials = chapter.pick(25, 6);
  setup.search_epochs = chapter.pick(15, 3);
  setup.compare_epochs = chapter.pick(80, 4);
  setup.batch_epochs = chapter.pick(5, 1);
  setup.schedule_epochs = chapter.pick(8, 2);
  setup.hyperband_epochs = chapter.pick(9, 3);
  setup.hyperband_images = chapter.pick<std::size_t>(5000, 1000);
  setup.jobs = std::stoi(chapter.option("jobs"));
  if (setup.jobs < 1) throw nn::ValueError("--jobs must be at least 1");
  auto& out = chapter.section("data", "Fashion-MNIST");
  out << "training:   " << setup.data.x_train.shape(0) << " images of "
      << setup.data.x_train.shape(1) << " pixels\n";
  out << "validation: " << setup.data.x_validation.shape(0) << " images\n";
  out << "test:       " << setup.data.x_test.shape(0) << " images\n";
  out << "the search and the depth/width comparison train on the first " << small
      << " training images\n";
  chapter.result("training_images", setup.data.x_train.shape(0));
  chapter.result("jobs", setup.jobs);
  return setup;
}

// The sentences of the prose that compare numbers of this run, written from the numbers, so
// that they hold for every seed and for the quick run as for the full one.
void show_verdicts(nn::chapter::Context& chapter) {
  const nlohmann::json& r = chapter.results();
  const auto num = [&](const nlohmann::json& j) { return j.get<double>(); };
  nlohmann::json v;
  const double ratio = num(r.at("batch_lr_ratio"));
  // Nearer on a logarithmic scale: compare with the geometric mean of √8 and 8.
  if (ratio < 1.0) {
    v["batch_rule"] = "The finder's answer here is below both rules.";
  } else if (ratio < std::sqrt(std::sqrt(8.0) * 8.0)) {
    v["batch_rule"] = "The finder's answer sits nearer the second.";
  } else {
    v["batch_rule"] = "The finder's answer sits nearer the first.";
  }
  const double same = num(r.at("batch_runs").at(1).at("val_accuracy"));
  const double own = num(r.at("batch_runs").at(2).at("val_accuracy"));
  const double small = num(r.at("batch_runs").at(0).at("val_accuracy"));
  v["batch_recovery"] = own > small  ? "better than the small batches, in this run"
                        : own > same ? "part of the way back"
                                     : "no better, in this run, than with the small batches' rate";
  // Depth: how far apart are the best trials of the depths tried?
  std::map<int, double> best_by_depth;
  for (const auto& t : r.at("search_trials")) {
    const int depth = t.at("hidden_layers");
    const double score = t.at("val_accuracy");
    auto [it, fresh] = best_by_depth.try_emplace(depth, score);
    it->second = std::max(it->second, score);
  }
  double best_low = 1, best_high = 0;
  for (const auto& [depth, best] : best_by_depth) {
    best_low = std::min(best_low, best);
    best_high = std::max(best_high, best);
  }
  std::ostringstream depth;
  depth << std::fixed << std::setprecision(1) << "the best trials of the " << best_by_depth.size()
        << " depths tried score between " << 100 * best_low << "% and " << 100 * best_high << "%.";
  v["depth"] = depth.str();
  v["search_vs_finder"] =
      num(r.at("search_best_test_accuracy")) < num(r.at("final_test_accuracy"))
          ? "The search's winner is not the best network of this chapter, and the reasons are "
            "worth knowing."
          : "In this run the search's winner does at least as well as the finder's network, "
            "but the comparison is uneven.";
  chapter.result("verdicts", v);
}

}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "06_tuning",
      "Chapter 6: tuning (the learning-rate finder, search, early stopping, callbacks)",
      {{"data-dir", nn::kFashionMnistDir, "the folder with Fashion-MNIST's four .gz files"},
       {"jobs", "1", "trials of the random search that run at the same time (threads)"}}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    const Setup setup = make_setup(chapter);
    const FinderResult finder = show_finder(chapter, setup);
    show_batch_size(chapter, setup, finder);
    show_final(chapter, setup, finder.pick.rate);
    show_scheduler(chapter, setup, finder.pick.rate);
    show_schedules(chapter, setup, finder.pick.rate);
    const nn::tuning::SearchResult search = show_search(chapter, setup);
    show_refit(chapter, setup, search);
    show_hyperband(chapter, setup);
    show_serial_parallel(chapter, setup);
    show_depth_width(chapter, setup, finder.pick.rate);
    show_verdicts(chapter);
  });
}
// book:show
