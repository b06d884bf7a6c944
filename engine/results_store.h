// The results store: one HDF5 file per run, written as the run goes.
//
// Layout (docs/results-format.md):
//   /meta                        attributes: title, engine_version, created_utc, inputs, units_note
//   /network/<system>/           node_ids, node_kinds, node_xyz_m [n x 3],
//                                link_ids, link_kinds, link_from, link_to (node ids), link_length_m
//   /results/<system>/time_s     [time]          extendible
//   /results/<system>/<quantity> [time x element] extendible, chunked, deflate-compressed;
//                                attributes unit, element_ids (path of the id dataset), time (path)
//   /results/<system>/ids/<q>    element ids of quantity q
//   /events                      [event] compound (time_s, system, element, kind, message)
//
// Each AppendStep writes one row of every quantity of a system and flushes the
// file, so a run killed midway leaves a file readable up to its last step.
// Plain HDF5: h5dump and h5py read it without project code.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/network_graph.h"

namespace lifeline {

struct RunMetadata {
  std::string title;        // what was run, e.g. "built-in tank network, 24 h"
  std::string inputs;       // the input files or embedded defaults, as text
  std::string units_note = "SI: m, s, m3/s, Pa, K; each dataset has a 'unit' attribute";
};

// One quantity's row at one time step.
struct QuantityRow {
  std::string_view quantity;
  std::span<const double> values;
};

// A timed event for /events (a control switching, a burst, an alarm).
struct ResultsEvent {
  double time_s = 0.0;
  std::string system;
  std::string element;  // external id, or "" for the whole system
  std::string kind;     // "control", "burst", "alarm", ...
  std::string message;
};

class ResultsWriter {
 public:
  // Creates (truncates) the file and writes /meta. An unwritable path is an Error naming it.
  ResultsWriter(const std::string& path, const RunMetadata& metadata);
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  // Writes /network/<system> from the graph.
  void WriteNetwork(const NetworkGraph& network);

  // Declares a [time x element] quantity of a system, before its first step.
  void DeclareQuantity(const std::string& system, const std::string& quantity,
                       const std::string& unit, const std::vector<std::string>& element_ids);

  // Appends one time row for every declared quantity of the system (all must be
  // given, each with its declared width), then flushes.
  void AppendStep(const std::string& system, double time_s, std::span<const QuantityRow> rows);

  void AppendEvent(const ResultsEvent& event);

  // Steps appended so far for a system.
  long steps(const std::string& system) const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a results file back (tests, the viewer, tools).
class ResultsReader {
 public:
  explicit ResultsReader(const std::string& path);
  ~ResultsReader();
  ResultsReader(const ResultsReader&) = delete;
  ResultsReader& operator=(const ResultsReader&) = delete;

  std::string MetaAttribute(const std::string& name) const;
  std::vector<std::string> Systems() const;  // systems with results
  std::vector<std::string> Quantities(const std::string& system) const;
  std::vector<double> Times_s(const std::string& system) const;
  std::vector<std::string> ElementIds(const std::string& system, const std::string& quantity) const;
  std::string Unit(const std::string& system, const std::string& quantity) const;
  // Row-major [time x element].
  std::vector<double> Values(const std::string& system, const std::string& quantity,
                             long& time_count, long& element_count) const;
  std::vector<std::string> NetworkSystems() const;  // systems with a /network group
  std::vector<std::string> NetworkNodeIds(const std::string& system) const;
  std::vector<std::string> NetworkNodeKinds(const std::string& system) const;
  std::vector<Point3> NetworkNodePositions(const std::string& system) const;
  std::vector<std::string> NetworkLinkIds(const std::string& system) const;
  std::vector<std::string> NetworkLinkKinds(const std::string& system) const;
  // From- and to-node ids of each link.
  std::vector<std::string> NetworkLinkFrom(const std::string& system) const;
  std::vector<std::string> NetworkLinkTo(const std::string& system) const;
  std::vector<ResultsEvent> Events() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lifeline
