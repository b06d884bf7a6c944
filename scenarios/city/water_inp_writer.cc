// EPANET 2.2 .inp writer for the city's water network (see water_inp_writer.h).
#include "scenarios/city/water_inp_writer.h"

#include "engine/units.h"
#include "scenarios/city/text_file_writer.h"

namespace lifeline::city {

void WriteWaterInp(const WaterNetwork& water, const std::string& title, const std::string& path) {
  TextFileWriter out(path);
  out.Print("[TITLE]\n{}\n\n", title);

  out.Print("[JUNCTIONS]\n;ID\tElev\tDemand\tPattern\n");
  for (const WaterNode& node : water.nodes) {
    if (node.kind != "junction") continue;
    out.Print("{}\t{:.2f}\t{:.4f}\t{}\n", node.id, node.position.z_m, units::CubicMetresPerSecondToLitresPerSecond(node.base_demand_m3_per_s),
              node.base_demand_m3_per_s > 0.0 ? "DIURNAL" : "");
  }
  out.Print("\n[RESERVOIRS]\n;ID\tHead\tPattern\n");
  out.Print("{}\t{:.2f}\n", water.nodes[water.reservoir_node].id, water.reservoir_head_m);
  out.Print("\n[TANKS]\n;ID\tElevation\tInitLevel\tMinLevel\tMaxLevel\tDiameter\tMinVol\tVolCurve\n");
  const WaterTank& tank = water.tank;
  out.Print("{}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.2f}\t0\n", water.nodes[tank.node].id, tank.bottom_elevation_m,
            tank.initial_level_m, tank.min_level_m, tank.max_level_m, tank.diameter_m);

  out.Print("\n[PIPES]\n;ID\tNode1\tNode2\tLength\tDiameter\tRoughness\tMinorLoss\tStatus\n");
  for (const WaterLink& link : water.links) {
    if (link.kind != WaterLinkKind::kPipe) continue;
    out.Print("{}\t{}\t{}\t{:.2f}\t{:.0f}\t{:.0f}\t0\tOpen\n", link.id, water.nodes[link.from].id,
              water.nodes[link.to].id, link.length_m, units::MetresToMillimetres(link.diameter_m), link.hazen_williams_c);
  }
  out.Print("\n[PUMPS]\n;ID\tNode1\tNode2\tParameters\n");
  const WaterLink& pump = water.links[water.pump_link];
  out.Print("{}\t{}\t{}\tHEAD C-{}\n", pump.id, water.nodes[pump.from].id, water.nodes[pump.to].id, pump.id);
  out.Print("\n[VALVES]\n;ID\tNode1\tNode2\tDiameter\tType\tSetting\tMinorLoss\n");
  for (const WaterLink& link : water.links) {
    if (link.kind != WaterLinkKind::kPressureReducingValve && link.kind != WaterLinkKind::kIsolationValve) continue;
    out.Print("{}\t{}\t{}\t{:.0f}\t{}\t{:.2f}\t0\n", link.id, water.nodes[link.from].id, water.nodes[link.to].id,
              units::MetresToMillimetres(link.diameter_m), link.kind == WaterLinkKind::kPressureReducingValve ? "PRV" : "TCV",
              link.setting);
  }

  out.Print("\n[PATTERNS]\n;ID\tMultipliers\n");
  for (size_t k = 0; k < water.demand_pattern.size(); k += 6) {
    out.Print("DIURNAL");
    for (size_t m = k; m < k + 6 && m < water.demand_pattern.size(); ++m) out.Print("\t{:.3f}", water.demand_pattern[m]);
    out.Print("\n");
  }
  out.Print("\n[CURVES]\n;ID\tX-Value\tY-Value\n;PUMP: design point\n");
  out.Print("C-{}\t{:.2f}\t{:.2f}\n", pump.id, units::CubicMetresPerSecondToLitresPerSecond(water.pump_design_flow_m3_per_s), water.pump_design_head_m);

  out.Print(
      "\n[TIMES]\nDuration\t24:00\nHydraulic Timestep\t1:00\nQuality Timestep\t0:05\nPattern Timestep\t1:00\n"
      "Pattern Start\t0:00\nReport Timestep\t1:00\nReport Start\t0:00\nStart ClockTime\t12 am\nStatistic\tNone\n");
  out.Print("\n[REPORT]\nStatus\tNo\nSummary\tNo\nPage\t0\n");
  out.Print(
      "\n[OPTIONS]\nUnits\tLPS\nHeadloss\tH-W\nSpecific Gravity\t1.0\nViscosity\t1.0\nTrials\t100\n"
      "Accuracy\t0.001\nUnbalanced\tContinue 10\nPattern\tDIURNAL\nDemand Multiplier\t1.0\n"
      "Emitter Exponent\t0.5\nQuality\tNone\nDiffusivity\t1.0\nTolerance\t0.01\n");
  out.Print("\n[COORDINATES]\n;Node\tX-Coord\tY-Coord\n");
  for (const WaterNode& node : water.nodes) {
    out.Print("{}\t{:.2f}\t{:.2f}\n", node.id, node.position.x_m, node.position.y_m);
  }
  out.Print("\n[END]\n");
  out.Close();
}

}  // namespace lifeline::city
