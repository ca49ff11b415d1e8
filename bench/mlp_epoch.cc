// One epoch of the Fashion-MNIST network through the normal fit(): 784-300-100-10, ReLU and
// softmax, sparse categorical cross-entropy, SGD(0.01), batch 32, on 55,000 random inputs.
// Prints "epoch_seconds <value> s" (the best of a few epochs, after one warm-up epoch).
//
//   bazel run -c opt //bench:mlp_epoch            # or: ./book bench
//   bazel run -c opt //bench:mlp_epoch -- 5       # best of 5 epochs
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "lib/nn.h"
#include "lib/random.h"

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  const std::size_t rows = 55000, pixels = 784, classes = 10;
  nn::Rng rng(42);
  nn::Tensor x = nn::Tensor::from_shape({rows, pixels});
  for (float& v : x) v = rng.uniform();
  nn::Labels y = nn::Labels::from_shape({rows});
  for (int& label : y) label = static_cast<int>(rng.below(classes));

  nn::set_random_seed(42);
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.01), {"accuracy"});

  nn::FitOptions options;
  options.epochs = 1;
  options.batch_size = 32;
  options.verbose = 0;
  model.fit(x, y, options);  // warm-up: first touches of memory, BLAS set-up
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    model.fit(x, y, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
  }
  std::printf("epoch_seconds %.3f s\n", best);
  return 0;
}
