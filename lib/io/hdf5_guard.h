#pragma once
// A damaged file must give an error, never a crash. HDF5 checks most of what it reads, but not
// all: a few damaged bytes in a file's global heap, say, make HDF5 1.10 copy from wherever the
// damage points, and the program dies. So before a file is opened for real, a child process
// (fork) reads all of it. Only a child that ends with exit status 0 lets the parent go on (and
// meet any error HDF5 reports cleanly itself); a child that dies of a signal, exits with
// another status (a sanitizer that found a fault exits 1) or hangs marks the file as damaged.

#include <functional>
#include <string>

#include "lib/io/hdf5.h"

namespace nn::h5 {

/// Reads every attribute and dataset of the file at `path` in a child process (run_in_child).
void check_in_child(const std::string& path);

/// Runs `work` on the file at `path` in a child process. Returns if the child exits with
/// status 0, whatever errors it met and caught; throws DataError naming the file if it dies of
/// a signal (a crash in HDF5), exits with another status, or takes longer than 5 s plus 1 s
/// per 10 MB of file (some damage sends HDF5 into an endless loop).
void run_in_child(const std::string& path, const std::function<void()>& work);

/// Reads every attribute and dataset under `group`, going on past the errors it meets.
void read_everything(const Group& group);

}  // namespace nn::h5
