// SWMM 5.2 .inp writer for the city's storm sewers (see swmm_inp_writer.h).
#include "scenarios/city/swmm_inp_writer.h"

#include "scenarios/city/text_file_writer.h"

namespace lifeline::city {

void WriteSwmmInp(const DrainageNetwork& drainage, const CityLayout& layout, const std::string& title,
                  const std::string& path) {
  TextFileWriter out(path);
  out.Print("[TITLE]\n;;Project Title/Notes\n{}\n\n", title);
  out.Print(
      "[OPTIONS]\n"
      "FLOW_UNITS           CMS\nINFILTRATION         HORTON\nFLOW_ROUTING         DYNWAVE\n"
      "LINK_OFFSETS         DEPTH\nMIN_SLOPE            0\nALLOW_PONDING        NO\nSKIP_STEADY_STATE    NO\n"
      "START_DATE           07/15/2026\nSTART_TIME           00:00:00\nREPORT_START_DATE    07/15/2026\n"
      "REPORT_START_TIME    00:00:00\nEND_DATE             07/15/2026\nEND_TIME             06:00:00\n"
      "SWEEP_START          01/01\nSWEEP_END            12/31\nDRY_DAYS             0\n"
      "REPORT_STEP          00:05:00\nWET_STEP             00:01:00\nDRY_STEP             01:00:00\n"
      "ROUTING_STEP         0:00:05\nINERTIAL_DAMPING     PARTIAL\nNORMAL_FLOW_LIMITED  BOTH\n"
      "FORCE_MAIN_EQUATION  H-W\nVARIABLE_STEP        0.75\nLENGTHENING_STEP     0\nMIN_SURFAREA         1.167\n"
      "MAX_TRIALS           8\nHEAD_TOLERANCE       0.0015\nSYS_FLOW_TOL         5\nLAT_FLOW_TOL         5\n"
      "MINIMUM_STEP         0.5\nTHREADS              1\n\n");
  out.Print("[EVAPORATION]\nCONSTANT         0.0\nDRY_ONLY         NO\n\n");
  const int step_min = static_cast<int>(drainage.storm_step_s / 60.0);
  out.Print("[RAINGAGES]\n;;Name  Format  Interval  SCF  Source\n{}  INTENSITY  0:{:02d}  1.0  TIMESERIES {}\n\n",
            kRainGaugeId, step_min, kDesignStormId);

  out.Print("[SUBCATCHMENTS]\n;;Name  RainGage  Outlet  Area  %Imperv  Width  %Slope  CurbLen\n");
  for (const Subcatchment& sub : drainage.subcatchments) {
    out.Print("{}  {}  {}  {:.4f}  {:.1f}  {:.1f}  {:.2f}  0\n", sub.id, kRainGaugeId,
              drainage.manholes[sub.outlet].id, sub.area_m2 / 1e4, sub.imperviousness_pct, sub.width_m, sub.slope_pct);
  }
  out.Print("\n[SUBAREAS]\n;;Subcatchment  N-Imperv  N-Perv  S-Imperv  S-Perv  PctZero  RouteTo\n");
  for (const Subcatchment& sub : drainage.subcatchments) {
    out.Print("{}  0.013  0.15  1.5  5.0  25  OUTLET\n", sub.id);
  }
  out.Print("\n[INFILTRATION]\n;;Subcatchment  MaxRate  MinRate  Decay  DryTime  MaxInfil\n");
  for (const Subcatchment& sub : drainage.subcatchments) {
    out.Print("{}  76.2  3.81  4.14  7  0\n", sub.id);
  }

  out.Print("\n[JUNCTIONS]\n;;Name  Elevation  MaxDepth  InitDepth  SurDepth  Aponded\n");
  for (const Manhole& manhole : drainage.manholes) {
    if (manhole.is_outfall) continue;
    out.Print("{}  {:.3f}  {:.3f}  0  0  0\n", manhole.id, manhole.invert_elevation_m,
              manhole.rim_elevation_m - manhole.invert_elevation_m);
  }
  out.Print("\n[OUTFALLS]\n;;Name  Elevation  Type  StageData  Gated\n");
  for (const int outfall : drainage.outfalls) {
    out.Print("{}  {:.3f}  FREE  NO\n", drainage.manholes[outfall].id, drainage.manholes[outfall].invert_elevation_m);
  }
  out.Print("\n[CONDUITS]\n;;Name  FromNode  ToNode  Length  Roughness  InOffset  OutOffset  InitFlow  MaxFlow\n");
  for (const SewerConduit& conduit : drainage.conduits) {
    out.Print("{}  {}  {}  {:.2f}  {:.3f}  0  {:.3f}  0  0\n", conduit.id, drainage.manholes[conduit.from].id,
              drainage.manholes[conduit.to].id, conduit.length_m, conduit.manning_n, conduit.outlet_offset_m);
  }
  out.Print("\n[XSECTIONS]\n;;Link  Shape  Geom1  Geom2  Geom3  Geom4  Barrels\n");
  for (const SewerConduit& conduit : drainage.conduits) {
    out.Print("{}  CIRCULAR  {:.3f}  0  0  0  1\n", conduit.id, conduit.diameter_m);
  }

  out.Print("\n[TIMESERIES]\n;;Name  Time  Value\n;Chicago design storm, P = 3 a, 2 h, mm/h\n");
  for (size_t k = 0; k < drainage.storm_intensity_mm_per_h.size(); ++k) {
    const int minutes = static_cast<int>(k) * step_min;
    out.Print("{}  {}:{:02d}  {:.2f}\n", kDesignStormId, minutes / 60, minutes % 60, drainage.storm_intensity_mm_per_h[k]);
  }
  const int end_min = static_cast<int>(drainage.storm_intensity_mm_per_h.size()) * step_min;
  out.Print("{}  {}:{:02d}  0.00\n", kDesignStormId, end_min / 60, end_min % 60);

  out.Print("\n[REPORT]\nINPUT      NO\nCONTROLS   NO\nSUBCATCHMENTS ALL\nNODES ALL\nLINKS ALL\n");
  const double margin_m = 400.0;
  out.Print("\n[MAP]\nDIMENSIONS {:.2f} {:.2f} {:.2f} {:.2f}\nUnits      Meters\n", -margin_m, -margin_m,
            layout.extent_m() + margin_m, layout.extent_m() + margin_m);
  out.Print("\n[COORDINATES]\n;;Node  X-Coord  Y-Coord\n");
  for (const Manhole& manhole : drainage.manholes) {
    out.Print("{}  {:.2f}  {:.2f}\n", manhole.id, manhole.position.x_m, manhole.position.y_m);
  }
  out.Print("\n[Polygons]\n;;Subcatchment  X-Coord  Y-Coord\n");
  for (const Subcatchment& sub : drainage.subcatchments) {
    for (const Point3& p : sub.polygon) out.Print("{}  {:.2f}  {:.2f}\n", sub.id, p.x_m, p.y_m);
  }
  out.Print("\n[SYMBOLS]\n;;Gage  X-Coord  Y-Coord\n{}  {:.2f}  {:.2f}\n", kRainGaugeId, 0.5 * layout.extent_m(),
            0.5 * layout.extent_m());
  out.Close();
}

}  // namespace lifeline::city
