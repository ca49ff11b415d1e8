#pragma once
/// \file
/// # Exercise 7.7: which checkpoints to keep ★★ (15 points)
///
/// `ModelCheckpoint` with `save_best_only` keeps one file; saving every epoch fills the
/// disk. Long trainings keep a few of each kind: the **best** few, to pick a model from,
/// and the **latest** few, to resume from after a crash (exercise 7.4). Write the policy
/// as a pure function, so that it can be tested without a file in sight: given the
/// checkpoints on disk (path, epoch, validation loss, in no particular order), return the
/// paths to delete so that only these remain:
///
/// - the `keep_best` checkpoints with the lowest validation loss (on equal losses, the
///   earlier epoch is the better one; a NaN loss, from a training that diverged, is never
///   among the best);
/// - the `keep_last` checkpoints with the highest epochs (whatever their loss).
///
/// A checkpoint that is both among the best and among the latest is kept once. Return the
/// paths to delete in increasing order of epoch. Throw `std::invalid_argument` naming the
/// epoch when two checkpoints have the same epoch (one of them is stale).

#include <stdexcept>
#include <string>
#include <vector>

namespace exercises {

/// A checkpoint file on disk.
struct Checkpoint {
  std::string path;     ///< "ckpt-12.h5"
  int epoch = 0;        ///< the epoch it was saved after
  double val_loss = 0;  ///< the validation loss then (NaN if training diverged)
};

/// The paths to delete, by epoch, keeping the keep_best best and the keep_last latest.
std::vector<std::string> to_delete(const std::vector<Checkpoint>& checkpoints,
                                   std::size_t keep_best, std::size_t keep_last);

}  // namespace exercises
