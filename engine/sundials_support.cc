// Shared SUNDIALS plumbing for the solver bridge (see sundials_support.h).
#include "engine/sundials_support.h"

#include <fmt/format.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cstdlib>

namespace lifeline::sundials {

void ContextDeleter::operator()(SUNContext context) const { SUNContext_Free(&context); }
void VectorDeleter::operator()(N_Vector vector) const { N_VDestroy(vector); }
void MatrixDeleter::operator()(SUNMatrix matrix) const { SUNMatDestroy(matrix); }
void LinearSolverDeleter::operator()(SUNLinearSolver solver) const { SUNLinSolFree(solver); }

ContextPtr MakeContext() {
  SUNContext context = nullptr;
  Check(SUNContext_Create(nullptr, &context), "SUNContext_Create");
  return ContextPtr(context);
}

VectorPtr MakeVector(int size, SUNContext context) {
  N_Vector vector = N_VNew_Serial(size, context);
  if (vector == nullptr) throw Error(fmt::format("N_VNew_Serial({}) failed", size));
  N_VConst(0.0, vector);
  return VectorPtr(vector);
}

std::span<double> Values(N_Vector vector) {
  return {N_VGetArrayPointer(vector), static_cast<size_t>(N_VGetLength(vector))};
}
std::span<const double> ConstValues(N_Vector vector) {
  return {N_VGetArrayPointer(vector), static_cast<size_t>(N_VGetLength(vector))};
}

void Check(int flag, const char* call, const char* flag_name) {
  if (flag >= 0) return;
  throw Error(fmt::format("{} failed: {} ({})", call, flag_name ? flag_name : "error", flag));
}

std::string TakeFlagName(char* name) {
  if (name == nullptr) return "unknown flag";
  std::string text(name);
  free(name);
  return text;
}

bool CopyToSundials(const SparseMatrix& source, SUNMatrix target) {
  if (!source.isCompressed()) throw Error("solver bridge: the Jacobian must be compressed");
  const auto n = static_cast<sunindextype>(source.cols());
  if (SUNSparseMatrix_Columns(target) != n || SUNSparseMatrix_Rows(target) != source.rows()) {
    throw Error(fmt::format("solver bridge: the Jacobian is {}x{}, expected {}x{}", source.rows(),
                            source.cols(), SUNSparseMatrix_Rows(target), n));
  }
  const sunindextype nnz = source.nonZeros();
  if (SUNSparseMatrix_NNZ(target) < nnz) {
    Check(SUNSparseMatrix_Reallocate(target, nnz), "SUNSparseMatrix_Reallocate");
  }
  sunindextype* column_start = SUNSparseMatrix_IndexPointers(target);
  sunindextype* row = SUNSparseMatrix_IndexValues(target);
  const bool same_pattern =
      std::equal(source.outerIndexPtr(), source.outerIndexPtr() + n + 1, column_start) &&
      std::equal(source.innerIndexPtr(), source.innerIndexPtr() + nnz, row);
  if (!same_pattern) {
    std::copy(source.outerIndexPtr(), source.outerIndexPtr() + n + 1, column_start);
    std::copy(source.innerIndexPtr(), source.innerIndexPtr() + nnz, row);
  }
  std::copy(source.valuePtr(), source.valuePtr() + nnz, SUNSparseMatrix_Data(target));
  return !same_pattern;
}

void CallbackGuard::RethrowPending() {
  if (pending_) {
    std::exception_ptr pending = pending_;
    pending_ = nullptr;
    std::rethrow_exception(pending);
  }
}

void RecordErrorText(const char* module, const char* function, const char* message, void* text) {
  static_cast<ErrorText*>(text)->last = fmt::format("{}/{}: {}", module, function, message);
}

}  // namespace lifeline::sundials
