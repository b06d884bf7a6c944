// Steady solve of a gas network (see gas_steady.h).
#include "models/gas/gas_steady.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/error.h"
#include "engine/units.h"
#include "models/gas/gas_leak.h"
#include "models/gas/gas_steady_equations.h"

namespace lifeline::gas {

SteadyOptions DefaultGasSteadyOptions() {
  SteadyOptions options;
  options.residual_tolerance = 1e-11;
  options.max_iterations = 200;
  return options;
}

namespace {

// One steady solve with the regulators' statuses as they are in network.
GasSteadyResult SolveOnce(const GasNetwork& network, const SteadyOptions& options) {
  double highest_grid_pressure_Pa = 0.0, total_sink_kg_per_s = 0.0;
  for (const Junction& junction : network.junctions) {
    if (junction.fixed_pressure_Pa) highest_grid_pressure_Pa = std::max(highest_grid_pressure_Pa, *junction.fixed_pressure_Pa);
    total_sink_kg_per_s += std::abs(junction.sink_kg_per_s);
  }
  if (!(highest_grid_pressure_Pa > 0.0)) {
    throw Error::AtElement(kSystem, network.title, "the network needs an external grid at a fixed pressure");
  }

  const GasSteadyEquations equations(network);
  const GasStateLayout& layout = equations.layout();
  std::vector<double> x(static_cast<size_t>(layout.size()));
  for (int k = 0; k < layout.free_junction_count(); ++k) x[k] = highest_grid_pressure_Pa / kPascalPerUnknown;
  const double start_flow_kg_per_s = std::max(total_sink_kg_per_s, 1e-6) / std::max(1, layout.link_count());
  for (LinkIndex l = 0; l < layout.link_count(); ++l) {
    x[layout.flow_unknown(l)] = layout.carries_flow(l) ? start_flow_kg_per_s : 0.0;
  }

  GasSteadyResult result;
  result.report = SolveSteady(equations, x, options);

  const NetworkGraph& graph = network.graph;
  for (NodeIndex n = 0; n < graph.node_count(); ++n) {
    const Junction& junction = network.junctions[n];
    const double p = equations.Pressure_Pa(n, x);
    result.pressure_Pa.push_back(p);
    result.gauge_pressure_Pa.push_back(p - AmbientPressure_Pa(junction.height_m));
    result.leak_kg_per_s.push_back(
        junction.leak ? OrificeMassFlow(*junction.leak, network.fluid, p, AmbientPressure_Pa(junction.height_m),
                                        junction.temperature_K).mass_flow_kg_per_s
                      : 0.0);
  }
  for (LinkIndex l = 0; l < graph.link_count(); ++l) {
    const Link& link = network.links[l];
    const double m = x[layout.flow_unknown(l)];
    result.mass_flow_kg_per_s.push_back(m);
    if (link.kind == LinkKind::kPump || link.kind == LinkKind::kRegulator || link.kind == LinkKind::kCompressor) {
      result.velocity_m_per_s.push_back(0.0);
      continue;
    }
    const NodeIndex from = graph.link_from(l), to = graph.link_to(l);
    const double pm = MeanPipePressure_Pa(result.pressure_Pa[from], result.pressure_Pa[to]);
    const double temperature_K = 0.5 * (network.junctions[from].temperature_K + network.junctions[to].temperature_K);
    result.velocity_m_per_s.push_back(m / (link.Area_m2() * network.fluid.Density_kg_per_m3(pm, temperature_K)));
  }
  return result;
}

}  // namespace

GasSteadyResult SolveGasSteady(const GasNetwork& network, const SteadyOptions& options) {
  GasNetwork working = network;
  for (int round = 0;; ++round) {
    GasSteadyResult result = SolveOnce(working, options);
    bool changed = false;
    for (LinkIndex l = 0; l < working.graph.link_count(); ++l) {
      Link& link = working.links[l];
      if ((link.kind != LinkKind::kRegulator && link.kind != LinkKind::kCompressor) || !link.open) continue;
      if (result.mass_flow_kg_per_s[l] < 0.0) {  // gas pushed back through it: it shuts
        link.open = false;
        changed = true;
        continue;
      }
      if (link.kind == LinkKind::kCompressor) continue;
      const NodeIndex from = working.graph.link_from(l);
      const double inlet_Pa = result.pressure_Pa[from];
      const double lockout_Pa = std::max(link.lockout_inlet_pressure_Pa, link.outlet_set_pressure_Pa);
      if (inlet_Pa < lockout_Pa) {
        const double ambient_Pa = AmbientPressure_Pa(working.junctions[from].height_m);
        throw Error::AtElement(kSystem, working.graph.link(l).id,
                               fmt::format("regulator locked out: inlet {:.4f} bar gauge is below its lock-out "
                                           "{:.4f} bar gauge; the consumers behind it are not supplied",
                                           units::PascalToBar(inlet_Pa - ambient_Pa),
                                           units::PascalToBar(lockout_Pa - ambient_Pa)));
      }
    }
    if (!changed) return result;
    if (round >= kMaxRegulatorRounds) {
      throw Error::AtElement(kSystem, network.title, "regulator statuses did not settle");
    }
  }
}

}  // namespace lifeline::gas
