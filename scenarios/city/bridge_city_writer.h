// The demo city's bridges and their JSON files, one per bridge, in the format
// the bridge model reads (docs/models/bridge.md, models/bridge/bridge_reader.h)
// plus a "city" object that places the bridge in the city (format in
// docs/city.md).
//
// Every main north-south street crosses the river on a three-span continuous
// prestressed-concrete box girder (25 + 32 + 25 m); one minor street crosses
// on a 36 m simple span. Each bridge is centred on the river centreline where
// its street crosses it; lanes are 3.75 m (six on a main street, two on a
// minor one) with 2.5 m sidewalks. Loads follow the JTG D60-2015 lane load
// (q_k = 10.5 kN/m, P_k = 2 (L + 130) kN within 270 .. 360 kN; verify) and a
// six-axle 49 t truck crossing.
#pragma once

#include <string>
#include <vector>

#include "scenarios/city/city_layout.h"

namespace lifeline::city {

struct BridgeSupportPlace {
  std::string id;      // "B1-A1", "B1-P1", ...
  std::string kind;    // "pinned", "roller"
  double station_m = 0.0;  // along the deck from the south abutment, m
  Point3 position;     // bearing seat, m
};

struct BridgeMeasuringPoint {
  std::string id;              // "B1-D1" (deflection/strain at a span), "B1-A1-ACC" not used here
  double station_m = 0.0;      // along the deck, m
  double fibre_below_axis_m = 0.0;
  Point3 position;             // on the deck, m
};

struct CityBridge {
  std::string id;              // "B1"
  std::string name;            // "Renmin Road Bridge"
  std::string street_id;       // the street it carries
  std::string segment_id;      // the street segment it carries
  bool is_continuous = false;
  std::vector<double> spans_m;
  double deck_width_m = 0.0;
  int lanes = 0;
  double deck_elevation_m = 0.0;  // top of deck, m
  Point3 south_end;               // abutment A1 at deck level, m
  Point3 north_end;               // last abutment at deck level, m
  std::vector<BridgeSupportPlace> supports;
  std::vector<BridgeMeasuringPoint> measuring_points;
};

std::vector<CityBridge> DesignBridges(const CityLayout& layout);

// Writes <directory>/<id>.json for each bridge; returns the file names (relative to directory).
std::vector<std::string> WriteBridgeFiles(const std::vector<CityBridge>& bridges, const std::string& directory);

}  // namespace lifeline::city
