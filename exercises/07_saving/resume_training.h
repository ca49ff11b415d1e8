#pragma once
/// \file
/// # Exercise 7.4: resume training from the last checkpoint ★★ (20 points)
///
/// A training that saved a checkpoint after every epoch, with
/// `nn::ModelCheckpoint(folder + "/ckpt-{epoch}.h5")`, has left files `ckpt-1.h5`,
/// `ckpt-2.h5`, ... in `folder` when it crashed. Two functions pick it up again.
///
/// `latest_checkpoint(folder)` returns the path (`folder + "/" + file name`) of the
/// checkpoint with the highest epoch: a file whose name is `ckpt-`, one or more digits,
/// and `.h5`, nothing else (`ckpt-10.h5` comes after `ckpt-9.h5`, whatever the order of
/// the letters says; `best.h5`, `ckpt-3.h5.tmp-x1Yz2q` and `ckpt-final.h5` are not
/// checkpoints). It also returns that epoch. If there is none, throw `nn::Error` naming
/// the folder. `std::filesystem::directory_iterator` lists a folder.
///
/// `resume_training(folder, x, y, options)` loads the latest checkpoint with
/// `nn::load_model` (weights, and Adam's state with them) and trains the loaded model on
/// with `fit(x, y, options)`, where `options.epochs` is the total number of epochs the
/// training was meant to have and `options.initial_epoch` must be set to the epochs the
/// checkpoint has already done. With the same seed, the result is exactly the model an
/// uninterrupted training would have ended with. Return the model.

#include <memory>
#include <string>
#include <utility>

#include "lib/models/model.h"

namespace exercises {

/// The path of the checkpoint with the highest epoch in `folder`, and that epoch.
std::pair<std::string, int> latest_checkpoint(const std::string& folder);

/// The model of the latest checkpoint, trained on to options.epochs in total.
std::unique_ptr<nn::Model> resume_training(const std::string& folder, const nn::Tensor& x,
                                           const nn::Tensor& y, nn::FitOptions options);

}  // namespace exercises
