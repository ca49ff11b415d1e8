// native_run CONFIG_JSON EPOCHS: one Playground training through the native library, the
// numbers printed as one line of JSON. tools/playground_test.py compares the page's numbers
// for the same config and seed with these.
#include <cstdlib>
#include <exception>
#include <iostream>

#include "web/playground/trainer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: native_run CONFIG_JSON EPOCHS\n";
    return 2;
  }
  try {
    const auto config = nn::playground::Config::from_json(nlohmann::json::parse(argv[1]));
    nn::playground::Trainer trainer(config);
    std::cout << nn::playground::to_json(trainer.train(std::atoi(argv[2]))).dump() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "native_run: " << e.what() << "\n";
    return 1;
  }
}
