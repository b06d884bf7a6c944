// The sparse matrix type models fill for the solver bridge.
//
// Compressed sparse column with 64-bit indices, the layout SUNDIALS' sparse
// matrix and KLU use here (sunindextype is int64_t in Debian's build), so a
// Jacobian passes to the linear solver with one copy of its arrays. A model
// keeps the same sparsity pattern from call to call (store explicit zeros
// rather than dropping entries) so that the ordering and symbolic analysis of
// the factorisation are done once per network.
#pragma once

#include <Eigen/SparseCore>
#include <cstdint>

namespace lifeline {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, std::int64_t>;
using SparseEntry = Eigen::Triplet<double, std::int64_t>;

}  // namespace lifeline
