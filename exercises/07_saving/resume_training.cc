#include "exercises/07_saving/resume_training.h"

#include <filesystem>

#include "lib/error.h"
#include "lib/io/keras_h5.h"

namespace exercises {

std::pair<std::string, int> latest_checkpoint(const std::string& folder) {
  // TODO: look at every file name in folder; keep those of the form ckpt-<digits>.h5 and
  // return the one with the largest number; throw nn::Error if there is none.
  (void)folder;
  return {"", 0};
}

std::unique_ptr<nn::Model> resume_training(const std::string& folder, const nn::Tensor& x,
                                           const nn::Tensor& y, nn::FitOptions options) {
  // TODO: load the latest checkpoint, set options.initial_epoch, fit, return the model.
  (void)folder;
  (void)x;
  (void)y;
  (void)options;
  return nullptr;
}

}  // namespace exercises
