// Extended-period heating: temperature fronts moving with the flow.
//
// Water is incompressible, so pressures and flows follow every change of the
// boundary conditions at once: each time step solves the hydraulics
// (SolveHydraulics) with the water's properties at the pipes' current mean
// temperatures. Temperatures travel with the water (plug flow, a Lagrangian
// method): each pipe holds a sequence of plugs (volume, specific enthalpy)
// from its from-end to its to-end. In a step of dt
//   - every plug loses heat to the ground for dt:
//       h <- h_amb + (h - h_amb) exp(-4 alpha dt / (rho cp d))
//   - junctions are visited upstream first; each mixes the water its inflowing
//     links deliver (h_j sum m_in = sum m_in h_delivered), and each outflowing
//     pipe takes a plug of m dt / rho at h_j at its upstream end and delivers
//     the same volume from its downstream end (a volume-weighted mix of the
//     plugs it pushes out); a heat exchanger delivers h_in - q/m at once.
// Flow reversal needs nothing special: plugs leave at whichever end is downstream.
// Events (a pump trip, a burst opening, a change of supply temperature) change
// the network's parameters at their time; the clock never steps over them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/results_store.h"
#include "engine/simulation_clock.h"
#include "models/heating/heating_steady.h"

namespace lifeline::heating {

struct TransientOptions {
  double duration_s = 86400.0;
  double time_step_s = 10.0;
  double report_step_s = 600.0;
  bool show_progress = true;  // a progress bar on a terminal
  SteadyOptions steady;  // hydraulics settings and the water model; the start is this steady state
};

// What one report row holds.
struct TransientReport {
  double time_s = 0.0;
  SteadyState state;  // pressures, flows, junction temperatures at time_s
};

class HeatingTransient {
 public:
  // The network is copied: events change the copy.
  HeatingTransient(HeatingNetwork network, TransientOptions options);

  // Calls change(network) at time_s (> 0), e.g. to set a pump's mass flow or open a burst's hole.
  void Schedule(double time_s, std::string label, std::function<void(HeatingNetwork&)> change);

  // Runs from the steady start to the end; every report step goes to results
  // (system "heating": pressure_Pa, temperature_K, mass_flow_kg_per_s and, with
  // leaks, leak_mass_flow_kg_per_s) when given, and to the returned reports.
  std::vector<TransientReport> Run(ResultsWriter* results = nullptr);

  const HeatingNetwork& network() const { return network_; }

 private:
  HeatingNetwork network_;
  TransientOptions options_;
  std::vector<TimedEvent> pending_;
};

}  // namespace lifeline::heating
