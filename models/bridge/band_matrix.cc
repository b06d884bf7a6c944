// Symmetric band matrices and their Cholesky factor (see band_matrix.h).
#include "models/bridge/band_matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/error.h"

namespace lifeline::bridge {
namespace {

// The bending DOFs (w, theta) of a girder give b = 3: that case runs with the
// band width known at compile time (unrolled loops); kB = 0 reads it at run time.
constexpr int kGirderBandwidth = 3;

template <int kB>
void BandMultiplyAdd(int n, int runtime_b, const double* rows, const double* x, double* y) {
  const int b = kB > 0 ? kB : runtime_b;
  const int width = 2 * b + 1;
  for (int i = 0; i < n; ++i) {
    const double* row = rows + static_cast<size_t>(i) * static_cast<size_t>(width);
    double sum = 0.0;
    if (i >= b && i + b < n) {
      for (int k = 0; k < width; ++k) sum += row[k] * x[i - b + k];
    } else {
      for (int j = std::max(0, i - b); j <= std::min(n - 1, i + b); ++j) sum += row[j - i + b] * x[j];
    }
    y[i] += sum;
  }
}

// L z = r (unit lower), y = z / D, L^T x = y, in place.
template <int kB>
void BandSolve(int n, int runtime_b, const double* lower, const double* upper, const double* inverse_diagonal,
               double* x) {
  const int b = kB > 0 ? kB : runtime_b;
  for (int i = 0; i < n; ++i) {
    const double* row = lower + static_cast<size_t>(i) * static_cast<size_t>(b);
    double sum = 0.0;
    if (i >= b) {
      for (int k = 0; k < b; ++k) sum += row[k] * x[i - b + k];
    } else {
      for (int k = b - i; k < b; ++k) sum += row[k] * x[i - b + k];
    }
    x[i] -= sum;
  }
  for (int i = 0; i < n; ++i) x[i] *= inverse_diagonal[i];
  for (int i = n - 1; i >= 0; --i) {
    const double* row = upper + static_cast<size_t>(i) * static_cast<size_t>(b);
    double sum = 0.0;
    if (i + b < n) {
      for (int k = 0; k < b; ++k) sum += row[k] * x[i + 1 + k];
    } else {
      for (int k = 0; k < n - 1 - i; ++k) sum += row[k] * x[i + 1 + k];
    }
    x[i] -= sum;
  }
}

}  // namespace

SymmetricBandMatrix::SymmetricBandMatrix(const Eigen::SparseMatrix<double>& matrix)
    : size_(static_cast<int>(matrix.rows())) {
  for (int column = 0; column < matrix.outerSize(); ++column) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(matrix, column); it; ++it) {
      half_bandwidth_ = std::max(half_bandwidth_, static_cast<int>(std::abs(it.row() - it.col())));
    }
  }
  const int width = 2 * half_bandwidth_ + 1;
  rows_.assign(static_cast<size_t>(size_) * static_cast<size_t>(width), 0.0);
  for (int column = 0; column < matrix.outerSize(); ++column) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(matrix, column); it; ++it) {
      const auto i = static_cast<size_t>(it.row());
      rows_[i * static_cast<size_t>(width) + static_cast<size_t>(it.col() - it.row() + half_bandwidth_)] =
          it.value();
    }
  }
}

double SymmetricBandMatrix::at(int i, int j) const {
  if (std::abs(i - j) > half_bandwidth_) return 0.0;
  return rows_[static_cast<size_t>(i) * static_cast<size_t>(2 * half_bandwidth_ + 1) +
               static_cast<size_t>(j - i + half_bandwidth_)];
}

void SymmetricBandMatrix::MultiplyAdd(const Eigen::VectorXd& x, Eigen::VectorXd& y) const {
  if (half_bandwidth_ == kGirderBandwidth) {
    BandMultiplyAdd<kGirderBandwidth>(size_, half_bandwidth_, rows_.data(), x.data(), y.data());
  } else {
    BandMultiplyAdd<0>(size_, half_bandwidth_, rows_.data(), x.data(), y.data());
  }
}

BandCholesky::BandCholesky(const SymmetricBandMatrix& matrix)
    : size_(matrix.size()), half_bandwidth_(matrix.half_bandwidth()) {
  const int n = size_;
  const int b = half_bandwidth_;
  const auto index = [b](int row, int offset) {
    return static_cast<size_t>(row) * static_cast<size_t>(b) + static_cast<size_t>(offset);
  };
  lower_.assign(static_cast<size_t>(n) * static_cast<size_t>(b), 0.0);
  upper_.assign(static_cast<size_t>(n) * static_cast<size_t>(b), 0.0);
  inverse_diagonal_.assign(static_cast<size_t>(n), 0.0);
  std::vector<double> diagonal(static_cast<size_t>(n), 0.0);
  // L(i, j) for i - b <= j < i sits at lower_[index(i, j - i + b)]
  const auto l = [&](int i, int j) { return lower_[index(i, j - i + b)]; };
  for (int i = 0; i < n; ++i) {
    for (int j = std::max(0, i - b); j <= i; ++j) {
      double sum = matrix.at(i, j);
      for (int k = std::max(0, i - b); k < j; ++k)
        sum -= l(i, k) * diagonal[static_cast<size_t>(k)] * l(j, k);
      if (i == j) {
        if (!(sum > 0.0)) throw Error(fmt::format("band matrix not positive definite at row {}", i));
        diagonal[static_cast<size_t>(i)] = sum;
        inverse_diagonal_[static_cast<size_t>(i)] = 1.0 / sum;
      } else {
        const double value = sum / diagonal[static_cast<size_t>(j)];
        lower_[index(i, j - i + b)] = value;
        upper_[index(j, i - j - 1)] = value;
      }
    }
  }
}

void BandCholesky::SolveInPlace(Eigen::VectorXd& rhs) const {
  if (half_bandwidth_ == kGirderBandwidth) {
    BandSolve<kGirderBandwidth>(size_, half_bandwidth_, lower_.data(), upper_.data(),
                                inverse_diagonal_.data(), rhs.data());
  } else {
    BandSolve<0>(size_, half_bandwidth_, lower_.data(), upper_.data(), inverse_diagonal_.data(), rhs.data());
  }
}

}  // namespace lifeline::bridge
