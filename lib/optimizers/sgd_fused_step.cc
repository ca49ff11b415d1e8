#include "lib/optimizers/sgd_fused_step.h"

#include "lib/gemm.h"

namespace nn {

void SgdFusedStep::install(const std::vector<Parameter*>& weights) {
  uninstall();
  for (Parameter* p : weights) {
    if (!p->trainable()) continue;
    p->set_grad_sink(this);
    weights_.push_back(p->node());
  }
}

void SgdFusedStep::uninstall() {
  records_.clear();
  for (const std::weak_ptr<Node>& weight : weights_) {
    if (const std::shared_ptr<Node> node = weight.lock(); node && node->sink == this) {
      node->sink = nullptr;
    }
  }
  weights_.clear();
}

void SgdFusedStep::add_product(Node& weight, const Tensor& A, const Tensor& B, bool trans_a,
                               bool trans_b) {
  records_.push_back({&weight, &A, &B, trans_a, trans_b});
}

void SgdFusedStep::add_row_sum(Node& weight, const Tensor& dy) {
  records_.push_back({&weight, &dy, nullptr, false, false});
}

void SgdFusedStep::apply(float scale) {
  for (const Record& r : records_) {
    Tensor& w = r.weight->value;
    if (r.B != nullptr) {
      gemm(*r.A, *r.B, w, r.trans_a, r.trans_b, scale, 1.0f);  // w += scale·op(A)·op(B)
      continue;
    }
    const Tensor& dy = *r.A;  // w += scale·Σ_rows dy: the sum first, as the grad would hold it
    const std::size_t rows = dy.shape()[0], cols = dy.shape()[1];
    sums_.assign(cols, 0.0f);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t c = 0; c < cols; ++c) sums_[c] += dy(i, c);
    }
    for (std::size_t c = 0; c < cols; ++c) w(0, c) += scale * sums_[c];
  }
  uninstall();
}

}  // namespace nn
