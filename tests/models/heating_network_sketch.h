// A heating network sketched by hand for tests: junctions by id, pipes with the
// pandapipes analytic cases' wall data (d = 75 mm, alpha = 5 W/m2K, 293 K around).
#pragma once

#include <string>

#include "models/heating/heating_network.h"

namespace lifeline::heating {

class NetworkSketch {
 public:
  explicit NetworkSketch(double cp) : builder_(kSystem) {
    network_.fluid = {1000.0, 1.0e-3, cp};
    network_.friction = FrictionModel::kNikuradse;
    network_.title = "sketch";
  }
  void Junction(const std::string& id) {
    builder_.AddNode({id, "junction", {}});
    network_.junctions.push_back({0.0, 283.0, {}});
  }
  void Pipe(const std::string& id, const std::string& from, const std::string& to, double length_m, int sections = 1) {
    heating::Link pipe;
    pipe.length_m = length_m;
    pipe.diameter_m = 0.075;
    pipe.roughness_m = 1e-4;
    pipe.heat_transfer_W_per_m2K = 5.0;
    pipe.ambient_temperature_K = 293.0;
    pipe.sections = sections;
    builder_.AddLink({id, "pipe", length_m, false}, from, to);
    network_.links.push_back(pipe);
  }
  void AddLink(const std::string& id, const std::string& from, const std::string& to, const heating::Link& link) {
    builder_.AddLink({id, "link", 0.0, false}, from, to);
    network_.links.push_back(link);
  }
  HeatingNetwork& Build() {
    network_.graph = builder_.Build();
    return network_;
  }
  HeatingNetwork& network() { return network_; }
  NodeIndex N(const std::string& id) const { return network_.graph.NodeIndexOf(id); }

 private:
  NetworkGraphBuilder builder_;
  HeatingNetwork network_;
};

}  // namespace lifeline::heating
