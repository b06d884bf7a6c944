// IDA adapter: DaeIntegrator (see dae_solver.h).
//
// IDA integrates F(t, y, y') = 0 with variable-order BDF under the tolerances
// of DaeOptions. Its Newton iteration matrix dF/dy + c_j dF/dy' comes from the
// model and is factored by KLU (symbolic analysis kept while the pattern holds).
// Every AdvanceTo sets IDA's stop time, so a step never crosses the next event.
#include "engine/dae_solver.h"

#include <fmt/format.h>
#include <ida/ida.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cmath>

#include "engine/sundials_support.h"

namespace lifeline {
namespace {

struct IdaMemoryDeleter {
  void operator()(void* memory) const { IDAFree(&memory); }
};

}  // namespace

struct DaeIntegrator::Impl {
  const DaeProblem* problem = nullptr;
  DaeOptions options;
  int size = 0;
  sundials::ContextPtr context;
  sundials::VectorPtr y, yp, differential_mask;
  sundials::MatrixPtr matrix;
  sundials::LinearSolverPtr linear_solver;
  std::unique_ptr<void, IdaMemoryDeleter> ida;
  sundials::CallbackGuard guard;
  sundials::ErrorText error_text;
  SparseMatrix jacobian;
  double time_s = 0.0;
  bool initialized = false;
  DaeStats before_restart;  // counters of the runs before the last IDAReInit

  DaeStats CurrentRunStats() const {
    DaeStats stats;
    void* mem = ida.get();
    IDAGetNumSteps(mem, &stats.steps);
    IDAGetNumResEvals(mem, &stats.residual_evaluations);
    IDAGetNumJacEvals(mem, &stats.jacobian_evaluations);
    IDAGetNumNonlinSolvIters(mem, &stats.nonlinear_iterations);
    IDAGetNumErrTestFails(mem, &stats.error_test_failures);
    return stats;
  }

  static int Residual(double t, N_Vector y, N_Vector yp, N_Vector r, void* user_data) {
    auto* self = static_cast<Impl*>(user_data);
    return self->guard.Run([&] {
      const std::span<double> residual = sundials::Values(r);
      if (!self->problem->Residual(t, sundials::ConstValues(y), sundials::ConstValues(yp), residual)) {
        return 1;
      }
      return std::all_of(residual.begin(), residual.end(), [](double v) { return std::isfinite(v); })
                 ? 0
                 : 1;
    });
  }

  static int Jacobian(double t, double alpha, N_Vector y, N_Vector yp, N_Vector, SUNMatrix matrix,
                      void* user_data, N_Vector, N_Vector, N_Vector) {
    auto* self = static_cast<Impl*>(user_data);
    return self->guard.Run([&] {
      self->problem->Jacobian(t, sundials::ConstValues(y), sundials::ConstValues(yp), alpha,
                              self->jacobian);
      if (sundials::CopyToSundials(self->jacobian, matrix)) {
        sundials::Check(SUNLinSol_KLUReInit(self->linear_solver.get(), matrix,
                                            self->jacobian.nonZeros(), SUNKLU_REINIT_PARTIAL),
                        "SUNLinSol_KLUReInit");
      }
      return 0;
    });
  }

  void CheckSize(std::span<const double> values, const char* what) const {
    if (static_cast<int>(values.size()) != size) {
      throw Error(fmt::format("DaeIntegrator: {} has {} entries for {} unknowns", what, values.size(),
                              size));
    }
  }

  void Load(std::span<const double> y0, std::span<const double> yp0) {
    CheckSize(y0, "y");
    CheckSize(yp0, "y'");
    std::copy(y0.begin(), y0.end(), sundials::Values(y.get()).begin());
    std::copy(yp0.begin(), yp0.end(), sundials::Values(yp.get()).begin());
  }

  // After a failed IDA call: the element whose equation is worst, as an Error.
  Error Failure(const char* call, int flag) {
    std::string what = fmt::format("{} failed: {}", call, sundials::TakeFlagName(IDAGetReturnFlagName(flag)));
    if (!error_text.last.empty()) what += ": " + error_text.last;

    // Largest weighted local error for error-test failures, else largest residual.
    std::vector<double> score(size, 0.0);
    void* mem = ida.get();
    sundials::VectorPtr work = sundials::MakeVector(size, context.get());
    sundials::VectorPtr weights = sundials::MakeVector(size, context.get());
    if (flag == IDA_ERR_FAIL && IDAGetEstLocalErrors(mem, work.get()) == IDA_SUCCESS &&
        IDAGetErrWeights(mem, weights.get()) == IDA_SUCCESS) {
      const auto e = sundials::ConstValues(work.get());
      const auto w = sundials::ConstValues(weights.get());
      for (int i = 0; i < size; ++i) score[i] = std::abs(e[i] * w[i]);
    } else {
      problem->Residual(time_s, sundials::ConstValues(y.get()), sundials::ConstValues(yp.get()),
                        sundials::Values(work.get()));
      const auto r = sundials::ConstValues(work.get());
      for (int i = 0; i < size; ++i) score[i] = std::isfinite(r[i]) ? std::abs(r[i]) : HUGE_VAL;
    }
    const int worst = static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
    const ElementRef element = problem->EquationElement(worst);
    return Error::AtElement(element.system, element.id,
                            fmt::format("{} (worst equation {} of this element)", what, worst))
        .AtTime(time_s);
  }

  void MakeConsistent(double t_next_s) {
    if (!options.consistent_initial_conditions) return;
    void* mem = ida.get();
    const int flag = IDACalcIC(mem, IDA_YA_YDP_INIT, t_next_s);
    guard.RethrowPending();
    if (flag < 0) throw Failure("IDACalcIC", flag);
    sundials::Check(IDAGetConsistentIC(mem, y.get(), yp.get()), "IDAGetConsistentIC");
  }
};

DaeIntegrator::DaeIntegrator(const DaeProblem& problem, const DaeOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.problem = &problem;
  s.options = options;
  s.size = problem.size();
  if (s.size <= 0) throw Error("DaeIntegrator: the problem has no unknowns");
  s.context = sundials::MakeContext();
  s.y = sundials::MakeVector(s.size, s.context.get());
  s.yp = sundials::MakeVector(s.size, s.context.get());
  s.differential_mask = sundials::MakeVector(s.size, s.context.get());
  const std::span<double> mask = sundials::Values(s.differential_mask.get());
  for (int i = 0; i < s.size; ++i) mask[i] = problem.IsDifferential(i) ? 1.0 : 0.0;

  s.matrix.reset(SUNSparseMatrix(s.size, s.size, std::max(5 * s.size, 1), CSC_MAT, s.context.get()));
  if (!s.matrix) throw Error("SUNSparseMatrix failed");
  s.linear_solver.reset(SUNLinSol_KLU(s.y.get(), s.matrix.get(), s.context.get()));
  if (!s.linear_solver) throw Error("SUNLinSol_KLU failed");
  s.ida.reset(IDACreate(s.context.get()));
  if (!s.ida) throw Error("IDACreate failed");
}

DaeIntegrator::~DaeIntegrator() = default;

void DaeIntegrator::Initialize(double t0_s, std::span<const double> y0, std::span<const double> yp0) {
  Impl& s = *impl_;
  s.Load(y0, yp0);
  void* mem = s.ida.get();
  auto handler = [](int, const char* module, const char* function, char* message, void* text) {
    sundials::RecordErrorText(module, function, message, text);
  };
  sundials::Check(IDAInit(mem, Impl::Residual, t0_s, s.y.get(), s.yp.get()), "IDAInit");
  sundials::Check(IDASetErrHandlerFn(mem, handler, &s.error_text), "IDASetErrHandlerFn");
  sundials::Check(IDASetUserData(mem, &s), "IDASetUserData");
  sundials::Check(IDASStolerances(mem, s.options.relative_tolerance, s.options.absolute_tolerance),
                  "IDASStolerances");
  sundials::Check(IDASetLinearSolver(mem, s.linear_solver.get(), s.matrix.get()), "IDASetLinearSolver");
  sundials::Check(IDASetJacFn(mem, Impl::Jacobian), "IDASetJacFn");
  sundials::Check(IDASetId(mem, s.differential_mask.get()), "IDASetId");
  sundials::Check(IDASetMaxNumSteps(mem, s.options.max_steps), "IDASetMaxNumSteps");
  if (s.options.max_step_s > 0.0) sundials::Check(IDASetMaxStep(mem, s.options.max_step_s), "IDASetMaxStep");
  s.time_s = t0_s;
  s.initialized = true;
  s.MakeConsistent(t0_s + 1.0);
}

void DaeIntegrator::Reinitialize(double t_s, std::span<const double> y, std::span<const double> yp) {
  Impl& s = *impl_;
  if (!s.initialized) {
    Initialize(t_s, y, yp);
    return;
  }
  s.before_restart += s.CurrentRunStats();
  s.Load(y, yp);
  sundials::Check(IDAReInit(s.ida.get(), t_s, s.y.get(), s.yp.get()), "IDAReInit");
  s.time_s = t_s;
  s.MakeConsistent(t_s + 1.0);
}

void DaeIntegrator::AdvanceTo(double t_out_s) {
  Impl& s = *impl_;
  if (!s.initialized) throw Error("DaeIntegrator::AdvanceTo called before Initialize");
  if (!(t_out_s > s.time_s)) {
    throw Error(fmt::format("DaeIntegrator: cannot advance from {} s to {} s", s.time_s, t_out_s));
  }
  void* mem = s.ida.get();
  sundials::Check(IDASetStopTime(mem, t_out_s), "IDASetStopTime");
  double reached = s.time_s;
  while (reached < t_out_s) {
    s.error_text.last.clear();
    const int flag = IDASolve(mem, t_out_s, &reached, s.y.get(), s.yp.get(), IDA_NORMAL);
    s.guard.RethrowPending();
    if (flag < 0) {
      s.time_s = reached;
      throw s.Failure("IDASolve", flag);
    }
    if (flag == IDA_TSTOP_RETURN) break;
  }
  s.time_s = t_out_s;
}

double DaeIntegrator::time_s() const { return impl_->time_s; }
std::span<const double> DaeIntegrator::y() const { return sundials::ConstValues(impl_->y.get()); }
std::span<const double> DaeIntegrator::yp() const { return sundials::ConstValues(impl_->yp.get()); }

DaeStats DaeIntegrator::stats() const {
  if (!impl_->initialized) return {};
  DaeStats stats = impl_->CurrentRunStats();
  stats += impl_->before_restart;
  return stats;
}

}  // namespace lifeline
