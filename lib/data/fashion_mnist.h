#pragma once
// Fashion-MNIST: 70,000 greyscale images of clothes, 28 × 28 pixels, in ten classes, from
// Debian's dataset-fashion-mnist package. As in Keras's introduction, the first 5,000
// training images are held out for validation, leaving 55,000 to train on, and the pixels
// are scaled from 0..255 to [0, 1].

#include <cstddef>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// Where Debian's dataset-fashion-mnist package puts the files.
inline const std::string kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// The data set, split and scaled.
struct FashionMnist {
  Tensor x_train;                        ///< (55000, 784): pixels in [0, 1], row by row
  Labels y_train;                        ///< (55000,): class indices 0..9
  Tensor x_validation;                   ///< (5000, 784): the first 5,000 training images
  Labels y_validation;                   ///< (5000,)
  Tensor x_test;                         ///< (10000, 784)
  Labels y_test;                         ///< (10000,)
  std::vector<std::string> class_names;  ///< "T-shirt/top", "Trouser", ..., "Ankle boot"
};

/// How much to load: the quick runs of the chapters take fewer images.
struct FashionMnistOptions {
  std::string dir = kFashionMnistDir;  ///< the folder with the four *-ubyte.gz files
  std::size_t validation = 5000;       ///< training images held out, from the start
  std::size_t train_limit = 0;         ///< keep at most this many training images (0: all)
  std::size_t test_limit = 0;          ///< keep at most this many test images (0: all)
};

/// The options a chapter loads with: the folder `dir`, all images for a full run, and for a
/// quick run (`quick`) `validation` held out, the next `train` training images and the first
/// `test` test images.
FashionMnistOptions chapter_subset(const std::string& dir, bool quick, std::size_t validation,
                                   std::size_t train, std::size_t test);

/// The ten class names, in label order.
const std::vector<std::string>& fashion_mnist_class_names();

/// Loads Fashion-MNIST. When the folder does not exist, the DataError names the Debian
/// package and the command that installs it; a corrupt or truncated file gives a DataError
/// naming the file and the fault; images and labels of different counts, a label above 9 or
/// images that are not 28 × 28 are errors naming the file too.
FashionMnist load_fashion_mnist(const FashionMnistOptions& options = {});

}  // namespace nn
