// Reading the structured values of command-line options ("PIPE:0.5:0.02:1800",
// "water/head_m", "1280x800"), with errors that name the option.
#pragma once

#include <string>
#include <vector>

namespace lifeline::cli {

// text split at every separator (an empty text gives one empty field).
std::vector<std::string> SplitFields(const std::string& text, char separator);

// text split at ':' into exactly count fields, the first not empty; otherwise an Error naming option.
std::vector<std::string> Fields(const std::string& text, size_t count, const char* option);

// The number text spells; otherwise an Error naming option.
double Number(const std::string& text, const char* option);

}  // namespace lifeline::cli
