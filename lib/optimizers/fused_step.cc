#include "lib/optimizers/fused_step.h"

#include <algorithm>

#include "lib/gemm.h"

namespace nn {
namespace {

thread_local FusedStep* open_step = nullptr;

}  // namespace

FusedStep::FusedStep(float scale) : scale_(scale), previous_(open_step) { open_step = this; }

FusedStep::~FusedStep() { open_step = previous_; }

FusedStep* FusedStep::active() { return open_step; }

void FusedStep::defer_dense(const Tensor& x, const Tensor& dz, Parameter* W, Parameter* b) {
  records_.push_back({&x, &dz, W, b});
}

void FusedStep::apply() {
  const auto note = [this](Parameter* p) {
    if (std::find(updated_.begin(), updated_.end(), p) == updated_.end()) updated_.push_back(p);
  };
  for (const Record& r : records_) {
    if (r.W != nullptr) {
      gemm(*r.x, *r.dz, r.W->value, true, false, scale_, 1.0f);  // W += scale·xᵀ·dz
      note(r.W);
    }
    if (r.b != nullptr) {
      const Tensor& dz = *r.dz;  // b += scale·Σ_rows dz: the sum first, as SGD takes it
      const std::size_t rows = dz.shape()[0], units = dz.shape()[1];
      sums_.assign(units, 0.0f);
      for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t c = 0; c < units; ++c) sums_[c] += dz(i, c);
      }
      float* b = r.b->value.data();
      for (std::size_t c = 0; c < units; ++c) b[c] += scale_ * sums_[c];
      note(r.b);
    }
  }
  records_.clear();
}

}  // namespace nn
