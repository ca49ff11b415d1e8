// The classification chapter's training written with tiny-dnn (Debian's tiny-dnn, header
// only), timed like //bench:mlp_epoch and bench/peers/mlp_epoch.py.
//
//   784-300-100-10, ReLU, softmax with cross-entropy, plain SGD (learning rate 0.01, no
//   momentum), batch 32, the 55,000 Fashion-MNIST training images loaded with the library's
//   loader (--random, or a missing data set: random data of the same shape).
//
// The same update as ours. tiny-dnn sums each weight's gradient over the batch, multiplies
// the sum by 1/batch_size (layer::update_weight) and steps W ← W − alpha·(dW + lambda·W)
// (gradient_descent, lambda = 0): with alpha = 0.01 that is W ← W − 0.01·(mean gradient),
// which is Keras's SGD(0.01) on the mean loss, and ours. tiny-dnn does not scale alpha by the
// batch size (its MNIST example does that by hand; we do not). Its loss, cross_entropy_multiclass
// on the softmax's output, has the same gradient with respect to the logits, p − onehot(y).
// Kernels start Glorot-uniform (tiny-dnn's xavier) and biases at 0, as ours do.
//
// Two differences, both in tiny-dnn's favour or neutral for speed: its fit() visits the
// images in the same order every epoch (they are shuffled once, before training), and it
// keeps no running metric. One fit() call: a warm-up epoch (which also holds fit()'s copy
// of the data), then --epochs timed epochs (default 1: an epoch takes a minute or more);
// the median counts. The test accuracy after the warm-up epoch and at the end (outside the
// timing) shows that it trained (about 0.81 and 0.83 after one and two epochs):
//
//   tinydnn_epoch_seconds 155.179 s    (./book bench --peers on two busy cores: ours 7.321 s)
//
// Built twice: //bench:tinydnn_epoch with tiny-dnn's default threading (std::async over
// every core), //bench:tinydnn_epoch_1thread with CNN_SINGLE_THREAD. `./book bench --peers`
// runs both and compares ours with the faster, as it does with PyTorch's one and two threads.
// Both are compiled with the project's flags (-march=x86-64-v2: no AVX, tiny-dnn's default
// "internal" backend), as the library is.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "lib/data/fashion_mnist.h"
#include "lib/error.h"
#include "lib/random.h"

// tiny-dnn's config.h turns on its quantized kernels, which need gemmlowp (not used here,
// and not a dependency of the book): turn them off before anything includes them. Its
// headers must come in the order tiny_dnn.h includes them.
#include "tiny_dnn/config.h"
#undef CNN_USE_GEMMLOWP
#include "tiny_dnn/tiny_dnn.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace td = tiny_dnn;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// Rows of an (n, 784) tensor as tiny-dnn's vectors, in the order `order` gives.
std::vector<td::vec_t> rows_of(const nn::Tensor& x, const std::vector<std::size_t>& order) {
  const std::size_t width = x.shape()[1];
  std::vector<td::vec_t> rows;
  rows.reserve(order.size());
  for (std::size_t i : order) rows.emplace_back(x.data() + i * width, x.data() + (i + 1) * width);
  return rows;
}

std::vector<td::label_t> labels_of(const nn::Labels& y, const std::vector<std::size_t>& order) {
  std::vector<td::label_t> labels;
  labels.reserve(order.size());
  for (std::size_t i : order) labels.push_back(static_cast<td::label_t>(y(i)));
  return labels;
}

std::vector<std::size_t> identity(std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  return order;
}

}  // namespace

int main(int argc, char** argv) {
  int epochs = 1;
  bool random = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--epochs" && i + 1 < argc) {
      epochs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--random") {
      random = true;
    } else {
      std::fprintf(stderr, "usage: tinydnn_epoch [--epochs N] [--random]\n");
      return 2;
    }
  }
  nn::Tensor x_train, x_test;
  nn::Labels y_train, y_test;
  std::string data = "random";
  if (!random) {
    try {
      nn::FashionMnist fashion = nn::load_fashion_mnist();
      x_train = std::move(fashion.x_train);
      y_train = std::move(fashion.y_train);
      x_test = std::move(fashion.x_test);
      y_test = std::move(fashion.y_test);
      data = "Fashion-MNIST";
    } catch (const nn::Error& e) {
      std::printf("# Fashion-MNIST not loaded (%s): random data instead\n", e.what());
    }
  }
  if (data == "random") {
    nn::Rng rng(42);
    x_train = nn::Tensor::from_shape({55000, 784});
    for (float& v : x_train) v = rng.uniform();
    y_train = nn::Labels::from_shape({55000});
    for (int& label : y_train) label = static_cast<int>(rng.below(10));
    x_test = nn::Tensor::from_shape({10000, 784});
    for (float& v : x_test) v = rng.uniform();
    y_test = nn::Labels::from_shape({10000});
    for (int& label : y_test) label = static_cast<int>(rng.below(10));
  }
  // Shuffled once: tiny-dnn's fit() takes the batches in the order it is given.
  std::vector<std::size_t> order = identity(x_train.shape()[0]);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(1));
  const std::vector<td::vec_t> train = rows_of(x_train, order);
  const std::vector<td::label_t> train_labels = labels_of(y_train, order);
  const std::vector<std::size_t> all_test = identity(x_test.shape()[0]);
  const std::vector<td::vec_t> test = rows_of(x_test, all_test);
  const std::vector<td::label_t> test_labels = labels_of(y_test, all_test);

#ifdef CNN_SINGLE_THREAD
  const char* threads = "one thread (CNN_SINGLE_THREAD)";
#else
  const char* threads = "tiny-dnn's default threads (std::async over every core)";
#endif
  std::printf(
      "# tiny-dnn: 784-300-100-10 ReLU/softmax, cross_entropy_multiclass, "
      "gradient_descent(alpha 0.01), batch 32; %s\n",
      threads);
  std::printf(
      "# data: %s, %zu training images, %zu test images; %d timed epoch%s after a "
      "warm-up epoch, median\n",
      data.c_str(), train.size(), test.size(), epochs, epochs == 1 ? "" : "s");

  td::set_random_seed(42);
  td::network<td::sequential> net;
  net << td::fully_connected_layer<td::activation::relu>(784, 300)
      << td::fully_connected_layer<td::activation::relu>(300, 100)
      << td::fully_connected_layer<td::activation::softmax>(100, 10);
  td::gradient_descent sgd;
  sgd.alpha = 0.01f;  // per the mean gradient of the batch: see the top of the file

  std::vector<double> times;
  int epoch = 0;
  Clock::time_point start = Clock::now();
  const auto on_epoch = [&]() {
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (epoch > 0) times.push_back(seconds);  // epoch 0 is the warm-up
    if (epoch == 0 || epoch == epochs) {      // not timed: the clock restarts below
      const double accuracy = net.test(test, test_labels).accuracy() / 100.0;
      std::printf("# test accuracy after %d epoch%s: %.4f\n", epoch + 1, epoch == 0 ? "" : "s",
                  accuracy);
      net.set_netphase(td::net_phase::train);
    }
    ++epoch;
    start = Clock::now();
  };
  net.train<td::cross_entropy_multiclass>(
      sgd, train, train_labels, 32, epochs + 1, [] {}, on_epoch);
  std::printf("tinydnn_epoch_seconds %.3f s\n", median(times));
  return 0;
}
