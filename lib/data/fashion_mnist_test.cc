#include "lib/data/fashion_mnist.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <xtensor/xsort.hpp>

#include "lib/error.h"

TEST_CASE("Fashion-MNIST: 55,000 training, 5,000 validation and 10,000 test images") {
  const nn::FashionMnist data = nn::load_fashion_mnist();
  CHECK(data.x_train.shape(0) == 55000);
  CHECK(data.x_train.shape(1) == 784);
  CHECK(data.y_train.size() == 55000);
  CHECK(data.x_validation.shape(0) == 5000);
  CHECK(data.x_test.shape(0) == 10000);
  CHECK(data.class_names.size() == 10);
  const float lowest = xt::amin(data.x_train)(), highest = xt::amax(data.x_train)();
  CHECK(lowest == 0.0f);
  CHECK(highest == 1.0f);
  // Known facts of the data set: the test set holds 1,000 images of each class, and the
  // first training image (held out for validation here) is an ankle boot (9), the first
  // test image an ankle boot too, the second a pullover (2).
  std::vector<int> per_class(10, 0);
  for (int label : data.y_test) per_class[label]++;
  CHECK(per_class == std::vector<int>(10, 1000));
  CHECK(data.y_validation(0) == 9);
  CHECK(data.y_test(0) == 9);
  CHECK(data.y_test(1) == 2);
}

TEST_CASE("limits take the first images, for quick runs") {
  nn::FashionMnistOptions options;
  options.train_limit = 1000;
  options.test_limit = 200;
  options.validation = 300;
  const nn::FashionMnist data = nn::load_fashion_mnist(options);
  CHECK(data.x_train.shape(0) == 1000);
  CHECK(data.x_validation.shape(0) == 300);
  CHECK(data.x_test.shape(0) == 200);
}

TEST_CASE("a missing folder names the Debian package; a bad file names itself") {
  nn::FashionMnistOptions options;
  options.dir = "/no/such/folder";
  CHECK_THROWS_WITH(nn::load_fashion_mnist(options),
                    Catch::Contains("dataset-fashion-mnist") && Catch::Contains("apt-get install"));
  // A copy of the data set with a truncated label file.
  const std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/fmnist";
  std::filesystem::create_directories(dir);
  for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    std::filesystem::copy_file(nn::kFashionMnistDir + "/" + name, dir + "/" + name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::filesystem::resize_file(dir + "/train-labels-idx1-ubyte.gz", 1000);
  options.dir = dir;
  CHECK_THROWS_WITH(nn::load_fashion_mnist(options),
                    Catch::Contains(dir + "/train-labels-idx1-ubyte.gz"));
}

TEST_CASE("a chapter's options: everything for a full run, its subset for a quick one") {
  const nn::FashionMnistOptions full = nn::chapter_subset("/data", false, 1000, 6000, 2000);
  CHECK(full.dir == "/data");
  CHECK(full.validation == 5000);
  CHECK(full.train_limit == 0);
  CHECK(full.test_limit == 0);
  const nn::FashionMnistOptions quick = nn::chapter_subset("/data", true, 1000, 6000, 2000);
  CHECK(quick.validation == 1000);
  CHECK(quick.train_limit == 6000);
  CHECK(quick.test_limit == 2000);
}
