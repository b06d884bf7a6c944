// Reading input files with errors users can act on: every reader of every
// model opens its files here.
//
// ReadTextFile names the file when it cannot be read. ParseJson turns
// nlohmann-json's byte offset into the file's line number, so a malformed file
// is an Error "<file>:<line>: ...".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace lifeline {

// The whole file as text; an unreadable file is an Error naming it.
std::string ReadTextFile(const std::string& path);

// The number the whole of text spells (finite), or nothing: for command-line
// fields and attribute values whose errors the caller names.
std::optional<double> ParseNumber(const std::string& text);

// Parses text; a syntax error is an Error naming source_name and the line.
nlohmann::json ParseJson(const std::string& text, const std::string& source_name);

// Reads and parses a file; an unreadable file is an Error naming it.
nlohmann::json ReadJsonFile(const std::string& path);

}  // namespace lifeline
