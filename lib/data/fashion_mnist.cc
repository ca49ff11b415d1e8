#include "lib/data/fashion_mnist.h"

#include <algorithm>
#include <filesystem>

#include "lib/data/idx.h"
#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

struct RawSet {
  IdxArray images;  // (n, 28, 28) bytes
  IdxArray labels;  // (n,) bytes
};

RawSet read_set(const std::string& dir, const std::string& prefix) {
  const std::string images_path = dir + "/" + prefix + "-images-idx3-ubyte.gz";
  const std::string labels_path = dir + "/" + prefix + "-labels-idx1-ubyte.gz";
  RawSet set{read_idx(images_path), read_idx(labels_path)};
  const auto& dims = set.images.dims;
  if (dims.size() != 3 || dims[1] != 28 || dims[2] != 28) {
    throw DataError(images_path + ": wrong shape: expected (n, 28, 28) images");
  }
  if (set.labels.dims.size() != 1 || set.labels.dims[0] != dims[0]) {
    throw DataError(labels_path + ": wrong count: " +
                    count_of(set.labels.dims.empty() ? 0 : set.labels.dims[0], "label") + " for " +
                    std::to_string(dims[0]) + " images in " + images_path);
  }
  for (std::size_t i = 0; i < set.labels.data.size(); ++i) {
    if (set.labels.data[i] > 9) {
      throw DataError(labels_path + ": label " + std::to_string(set.labels.data[i]) + " of image " +
                      std::to_string(i) + " is not a class 0..9");
    }
  }
  return set;
}

// Rows [begin, end) of a raw set as scaled pixels (rows, 784) and labels (rows,).
void take(const RawSet& set, std::size_t begin, std::size_t end, Tensor* x, Labels* y) {
  const std::size_t rows = end - begin, pixels = 28 * 28;
  *x = Tensor::from_shape({rows, pixels});
  *y = Labels::from_shape({rows});
  const std::uint8_t* source = set.images.data.data() + begin * pixels;
  float* target = x->data();
  for (std::size_t i = 0; i < rows * pixels; ++i) target[i] = source[i] * (1.0f / 255.0f);
  for (std::size_t i = 0; i < rows; ++i) (*y)(i) = set.labels.data[begin + i];
}

}  // namespace

const std::vector<std::string>& fashion_mnist_class_names() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                 "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                 "Bag",         "Ankle boot"};
  return names;
}

FashionMnistOptions chapter_subset(const std::string& dir, bool quick, std::size_t validation,
                                   std::size_t train, std::size_t test) {
  FashionMnistOptions options;
  options.dir = dir;
  if (quick) {
    options.validation = validation;
    options.train_limit = train;
    options.test_limit = test;
  }
  return options;
}

FashionMnist load_fashion_mnist(const FashionMnistOptions& options) {
  if (!std::filesystem::is_directory(options.dir)) {
    throw DataError("Fashion-MNIST not found in " + options.dir +
                    ": install Debian's package with `sudo apt-get install dataset-fashion-mnist`"
                    " (or run tools/install-deps.sh), or point --data-dir at the folder with "
                    "train-images-idx3-ubyte.gz and its three companions");
  }
  FashionMnist data;
  data.class_names = fashion_mnist_class_names();
  {
    const RawSet train = read_set(options.dir, "train");
    const std::size_t n = train.labels.data.size();
    if (options.validation >= n) {
      throw ValueError("cannot hold out " + std::to_string(options.validation) +
                       " validation images from " + std::to_string(n));
    }
    std::size_t end = n;
    if (options.train_limit > 0) end = std::min(n, options.validation + options.train_limit);
    take(train, 0, options.validation, &data.x_validation, &data.y_validation);
    take(train, options.validation, end, &data.x_train, &data.y_train);
  }  // the raw bytes are freed before the test set is read: peak memory stays low
  const RawSet test = read_set(options.dir, "t10k");
  const std::size_t n_test = test.labels.data.size();
  const std::size_t end = options.test_limit > 0 ? std::min(n_test, options.test_limit) : n_test;
  take(test, 0, end, &data.x_test, &data.y_test);
  return data;
}

}  // namespace nn
