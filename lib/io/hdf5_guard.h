#pragma once
// A damaged file must give an error, never a crash. HDF5 checks most of what it reads, but not
// all: a few damaged bytes in a file's global heap, say, make HDF5 1.10 copy from wherever the
// damage points, and the program dies. So before a file is opened for real, a child process
// (fork) reads all of it. If the child dies or hangs, the parent reports the file as damaged;
// if it ends, the parent goes on, and meets any error HDF5 reports cleanly itself.

#include <string>

#include "lib/io/hdf5.h"

namespace nn::h5 {

/// Reads every attribute and dataset of the file at `path` in a child process. Throws
/// DataError naming the file if the child is killed by a signal (a crash in HDF5) or takes
/// longer than 5 s plus 1 s per 10 MB of file (some damage sends HDF5 into an endless loop);
/// returns otherwise, whatever errors the child met.
void check_in_child(const std::string& path);

/// Reads every attribute and dataset under `group`, going on past the errors it meets.
void read_everything(const Group& group);

}  // namespace nn::h5
