#include "lib/linear/least_squares.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

using Matrix = xt::xtensor<double, 2>;  // the solve runs in double precision

void check_data(const char* who, const Tensor& A, const Tensor& B) {
  if (A.shape(0) != B.shape(0)) {
    throw ShapeError(std::string(who) + ": x " + shape_string(A) + " and y " + shape_string(B) +
                     " need the same number of rows");
  }
  if (A.size() == 0 || B.size() == 0) {
    throw ValueError(std::string(who) + ": no data, x " + shape_string(A) + ", y " +
                     shape_string(B));
  }
  for (const Tensor* t : {&A, &B}) {
    for (std::size_t i = 0; i < t->shape(0); ++i) {
      for (std::size_t j = 0; j < t->shape(1); ++j) {
        if (!std::isfinite((*t)(i, j))) {
          throw ValueError(std::string(who) + ": " + (t == &A ? "x(" : "y(") + std::to_string(i) +
                           ", " + std::to_string(j) + ") is not finite");
        }
      }
    }
  }
}

// Column means of a (n, k) matrix: (1, k).
Matrix column_means(const Matrix& m) {
  Matrix means = xt::zeros<double>({std::size_t{1}, m.shape(1)});
  for (std::size_t i = 0; i < m.shape(0); ++i) {
    for (std::size_t j = 0; j < m.shape(1); ++j) means(0, j) += m(i, j);
  }
  return means / static_cast<double>(m.shape(0));
}

// The minimum-norm W of ‖A·W − B‖², in double: W (in, out), with the rank and singular values.
std::tuple<Matrix, std::size_t, std::vector<double>> solve(const Matrix& A, const Matrix& B,
                                                           double rcond) {
  const std::size_t n = A.shape(0), in = A.shape(1);
  if (rcond < 0)
    rcond = std::numeric_limits<double>::epsilon() * static_cast<double>(std::max(n, in));
  auto [W, residuals, rank, s] = xt::linalg::lstsq(A, B, rcond);  // LAPACK dgelsd
  (void)residuals;
  Matrix coef = W;  // (in, out)
  return {coef, static_cast<std::size_t>(rank), std::vector<double>(s.begin(), s.end())};
}

}  // namespace

LeastSquaresSolution least_squares(const Tensor& A, const Tensor& B, double rcond) {
  check_data("least_squares", A, B);
  auto [W, rank, singular_values] = solve(xt::cast<double>(A), xt::cast<double>(B), rcond);
  return {xt::cast<float>(W), rank, singular_values};
}

LinearRegression& LinearRegression::fit(const Tensor& x, const Tensor& y) {
  check_data("LinearRegression.fit", x, y);
  Matrix X = xt::cast<double>(x);  // (n, in)
  Matrix Y = xt::cast<double>(y);  // (n, out)
  Matrix x_mean = xt::zeros<double>({std::size_t{1}, X.shape(1)});
  Matrix y_mean = xt::zeros<double>({std::size_t{1}, Y.shape(1)});
  if (fit_intercept_) {  // centre: the intercept then drops out of the solve
    x_mean = column_means(X);
    y_mean = column_means(Y);
    X -= x_mean;
    Y -= y_mean;
  }
  auto [W, rank, singular_values] = solve(X, Y, -1.0);
  Matrix b = y_mean - xt::linalg::dot(x_mean, W);  // (1, out): b = ȳ − x̄·W
  coef_ = xt::cast<float>(W);
  intercept_ = xt::cast<float>(b);
  rank_ = rank;
  return *this;
}

Tensor LinearRegression::predict(const Tensor& x) const {
  if (!fitted()) throw ValueError("LinearRegression.predict before fit()");
  if (x.shape(1) != coef_.shape(0)) {
    throw ShapeError("LinearRegression.predict: fitted on " + count_of(coef_.shape(0), "feature") +
                     " (coef " + shape_string(coef_) + "), got x " + shape_string(x));
  }
  Matrix y = xt::linalg::dot(xt::cast<double>(x), xt::cast<double>(coef_));  // (m, out)
  y += xt::cast<double>(intercept_);
  return xt::cast<float>(y);
}

double LinearRegression::score(const Tensor& x, const Tensor& y) const {
  const Tensor y_pred = predict(x);
  if (y.shape() != y_pred.shape()) {
    throw ShapeError("LinearRegression.score: y " + shape_string(y) + " against predictions " +
                     shape_string(y_pred));
  }
  const Matrix Y = xt::cast<double>(y);
  const Matrix means = column_means(Y);
  double total = 0.0;
  for (std::size_t j = 0; j < Y.shape(1); ++j) {
    double residual = 0.0, spread = 0.0;
    for (std::size_t i = 0; i < Y.shape(0); ++i) {
      residual += std::pow(Y(i, j) - y_pred(i, j), 2);
      spread += std::pow(Y(i, j) - means(0, j), 2);
    }
    total += spread > 0.0 ? 1.0 - residual / spread : (residual == 0.0 ? 1.0 : 0.0);
  }
  return total / static_cast<double>(Y.shape(1));
}

}  // namespace nn
