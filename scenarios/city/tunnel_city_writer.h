// The demo city's utility tunnel (综合管廊) and its JSON file (format in docs/city.md).
//
// A four-compartment cast-in-place box under one main east-west street (the
// main street nearest the middle of the southern half), from the west edge
// for up to 16 blocks. Compartments: water, heating, power, and gas in its own
// compartment (GB 50838). The tunnel is cut into fire and ventilation
// sections of at most 200 m, each with an air intake at its west end and an
// exhaust at its east end. Ventilation (GB 50838; verify): gas compartment
// 6 air changes per hour normal, 12 in an accident; others 2 and 6.
#pragma once

#include <string>
#include <vector>

#include "scenarios/city/city_layout.h"

namespace lifeline::city {

struct TunnelCompartment {
  std::string utility;          // "water", "heating", "power", "gas"
  double width_m = 0.0;         // clear inside width, m
  double height_m = 0.0;        // clear inside height, m
  double normal_air_changes_per_h = 0.0;
  double accident_air_changes_per_h = 0.0;
  std::string carries;          // what runs inside
};

struct TunnelSection {
  std::string id;               // "UT1-S3"
  double from_station_m = 0.0;  // along the tunnel from its west end, m
  double to_station_m = 0.0;    // m
  Point3 intake;                // air intake shaft (section start), at the tunnel roof, m
  Point3 exhaust;               // exhaust shaft (section end), m
};

struct UtilityTunnel {
  std::string id = "UT1";
  std::string street_id;            // the main street above
  std::vector<std::string> segment_ids;  // street segments it runs under, west to east
  std::vector<Point3> path;         // centreline at the floor, west to east, m
  double length_m = 0.0;
  double roof_cover_m = 0.0;        // ground to the outside of the roof, m
  double wall_thickness_m = 0.35;   // m
  std::vector<TunnelCompartment> compartments;
  std::vector<TunnelSection> sections;

  // "UT1-S3-gas": the compartment of a section, the element sensors watch.
  std::string CompartmentSectionId(const TunnelSection& section, const TunnelCompartment& compartment) const {
    return section.id + "-" + compartment.utility;
  }
};

UtilityTunnel DesignUtilityTunnel(const CityLayout& layout, const BurialDepths& burial);
void WriteTunnelJson(const UtilityTunnel& tunnel, const std::string& path);

}  // namespace lifeline::city
