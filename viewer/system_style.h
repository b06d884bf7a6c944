// How each lifeline system and each warning level looks in the 3D twin.
//
// Colours follow the operations-centre convention: water blue, gas yellow,
// heating red, drainage brown, power purple, tunnel grey; warning levels
// IV blue, III yellow, II orange, I red. Quantities are coloured on a
// blue-to-red ramp between the range's minimum and maximum.
#pragma once

#include <osg/Vec4>
#include <string>

namespace lifeline::viewer {

osg::Vec4 SystemColour(const std::string& system);

// level 4 = IV blue ... 1 = I red; anything else is white.
osg::Vec4 WarningLevelColour(int level);

// fraction in [0, 1] (clamped) on the quantity ramp.
osg::Vec4 RampColour(double fraction);

}  // namespace lifeline::viewer
