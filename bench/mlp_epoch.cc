// The classification chapter's network, timed: one training epoch through the normal fit(),
// against the "GEMM floor", the same epoch's matrix products alone through the same BLAS.
//
//   784-300-100-10, ReLU, softmax with sparse categorical cross-entropy, SGD(0.01), batch 32,
//   55,000 Fashion-MNIST images (nn::load_fashion_mnist; --random for random data of the
//   same shape, used anyway when the data set is not installed).
//
// One process: a warm-up epoch, then --epochs timed epochs of one fit() call. After each
// timed epoch (in on_epoch_end, so between epochs) the floor runs once; each epoch's ratio
// is taken against the floor measured next to it, and the medians are printed, one figure a
// line as `name value unit` (figures from `./book bench` on a two-core machine):
//
//   epoch_seconds 0.487 s               the median epoch
//   samples_per_second 112958 samples/s training images per second at the median
//   gemm_floor_seconds 0.408 s          the median floor
//   floor_ratio 1.193 x                 the median of the epoch/floor pairs
//   predict_images_per_second 243830 images/s  model.predict on the 10,000 test images
//   peak_rss_mb 232 MB                  the process's peak resident memory (data included)
//
//   bazel run //bench:mlp_epoch -- --epochs 7      # or: ./book bench
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lib/data/fashion_mnist.h"
#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/nn.h"
#include "lib/random.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// The matrix products of one training epoch of a Dense stack, alone: for each batch the
// forward products z = x·W, then, layer by layer from the top, the weight gradient xᵀ·dz
// (into W, as the fused SGD step does) and the input gradient dz·Wᵀ (for every layer but the
// first, whose input is the data). The same shapes, flags and function (nn::gemm) as fit().
class GemmFloor {
 public:
  GemmFloor(std::vector<std::size_t> widths, std::size_t batch, std::size_t rows)
      : widths_(std::move(widths)), batch_(batch), rows_(rows) {
    nn::Rng rng(7);
    for (std::size_t l = 0; l + 1 < widths_.size(); ++l) {
      W_.push_back(rng.normal_tensor(widths_[l], widths_[l + 1], 0.0f, 0.3f));
    }
    for (std::size_t b : {batch_, rows_ % batch_}) {
      if (b == 0) continue;
      Buffers& s = b == batch_ ? full_ : last_;
      for (std::size_t width : widths_) {
        s.a.push_back(rng.normal_tensor(b, width, 0.0f, 0.3f));   // activations, (b, width)
        s.da.push_back(rng.normal_tensor(b, width, 0.0f, 0.3f));  // their gradients
      }
    }
  }

  // Seconds for one epoch's products.
  double run() {
    const auto start = Clock::now();
    for (std::size_t first = 0; first < rows_; first += batch_) {
      step(rows_ - first >= batch_ ? full_ : last_);
    }
    return seconds_since(start);
  }

 private:
  struct Buffers {
    std::vector<nn::Tensor> a, da;
  };

  void step(Buffers& s) {
    const std::size_t layers = W_.size();
    for (std::size_t l = 0; l < layers; ++l) {
      nn::gemm(s.a[l], W_[l], s.a[l + 1], false, false, 1.0f, 1.0f);  // z = x·W (+ b)
    }
    for (std::size_t l = layers; l-- > 0;) {
      if (l > 0) nn::gemm(s.da[l + 1], W_[l], s.da[l], false, true, 1.0f, 0.0f);  // dx = dz·Wᵀ
      nn::gemm(s.a[l], s.da[l + 1], W_[l], true, false, -1e-9f, 1.0f);  // W −= lr·xᵀ·dz
    }
  }

  std::vector<std::size_t> widths_;
  std::size_t batch_, rows_;
  std::vector<nn::Tensor> W_;
  Buffers full_, last_;
};

// Times each epoch of fit() and runs the floor after it.
class EpochTimer : public nn::Callback {
 public:
  explicit EpochTimer(GemmFloor* floor) : floor_(floor) {}
  void on_epoch_begin(int, nn::Logs&) override { start_ = Clock::now(); }
  void on_epoch_end(int epoch, nn::Logs&) override {
    const double seconds = seconds_since(start_);
    if (epoch == 0) return;  // the warm-up: first touches of memory, BLAS buffers, threads
    epochs.push_back(seconds);
    if (floor_ != nullptr) floors.push_back(floor_->run());
  }
  std::vector<double> epochs, floors;

 private:
  GemmFloor* floor_;
  Clock::time_point start_;
};

struct Options {
  int epochs = 5;
  bool random = false;
  std::size_t rows = 55000;
  bool floor = true;
  bool predict = true;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--epochs" && has_value) {
      o.epochs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--rows" && has_value) {
      o.rows = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (arg == "--random") {
      o.random = true;
    } else if (arg == "--no-floor") {
      o.floor = false;
    } else if (arg == "--no-predict") {
      o.predict = false;
    } else {
      std::fprintf(stderr,
                   "usage: mlp_epoch [--epochs N] [--random] [--rows N] [--no-floor] "
                   "[--no-predict]\n");
      std::exit(2);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  nn::Tensor x_train, x_test;
  nn::Labels y_train;
  std::string data = "random";
  if (!options.random) {
    try {
      nn::FashionMnistOptions load;
      if (options.rows < 55000) load.train_limit = options.rows;
      nn::FashionMnist fashion = nn::load_fashion_mnist(load);
      x_train = std::move(fashion.x_train);
      y_train = std::move(fashion.y_train);
      x_test = std::move(fashion.x_test);
      data = "Fashion-MNIST";
    } catch (const nn::Error& e) {
      std::printf("# Fashion-MNIST not loaded (%s): random data instead\n", e.what());
    }
  }
  if (data == "random") {
    nn::Rng rng(42);
    x_train = nn::Tensor::from_shape({options.rows, 784});
    for (float& v : x_train) v = rng.uniform();
    y_train = nn::Labels::from_shape({options.rows});
    for (int& label : y_train) label = static_cast<int>(rng.below(10));
    x_test = nn::Tensor::from_shape({10000, 784});
    for (float& v : x_test) v = rng.uniform();
  }
  const std::size_t rows = x_train.shape()[0];
  std::printf(
      "# 784-300-100-10 ReLU/softmax, sparse categorical cross-entropy, SGD(0.01), "
      "batch 32\n");
  std::printf("# data: %s, %zu training images, %zu test images\n", data.c_str(), rows,
              x_test.shape()[0]);
  std::printf(
      "# %d timed epochs after a warm-up epoch; each figure is the median; BLAS threads "
      "%d\n",
      options.epochs, nn::blas_threads());

  nn::set_random_seed(42);
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});

  GemmFloor floor({784, 300, 100, 10}, 32, rows);
  auto timer = std::make_shared<EpochTimer>(options.floor ? &floor : nullptr);
  nn::FitOptions fit;
  fit.epochs = options.epochs + 1;
  fit.batch_size = 32;
  fit.verbose = 0;
  fit.seed = 1;
  fit.callbacks = {timer};
  const nn::History history = model.fit(x_train, y_train, fit);

  const double epoch = median(timer->epochs);
  std::printf("# training accuracy in the last epoch: %.4f\n",
              history.history.at("accuracy").back());
  std::printf("epoch_seconds %.3f s\n", epoch);
  std::printf("samples_per_second %.0f samples/s\n", static_cast<double>(rows) / epoch);
  if (options.floor) {
    std::vector<double> ratios;
    for (std::size_t i = 0; i < timer->epochs.size(); ++i) {
      ratios.push_back(timer->epochs[i] / timer->floors[i]);
    }
    std::printf("gemm_floor_seconds %.3f s\n", median(timer->floors));
    std::printf("floor_ratio %.3f x\n", median(ratios));
  }
  if (options.predict) {
    model.predict(x_test);  // warm-up
    std::vector<double> times;
    for (int r = 0; r < 5; ++r) {
      const auto start = Clock::now();
      const nn::Tensor p = model.predict(x_test);
      times.push_back(seconds_since(start));
    }
    std::printf("predict_images_per_second %.0f images/s\n",
                static_cast<double>(x_test.shape()[0]) / median(times));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_mb %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
