// A small XML reader for the GasLib files (.net, .scn): elements with their
// attributes and children, by name. Text content, comments, processing
// instructions and DOCTYPE are skipped; the five predefined entities are
// decoded in attribute values. A malformed file is an Error naming the file
// and line.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lifeline::gas {

struct XmlElement {
  std::string name;                               // as written, with any "prefix:"
  std::map<std::string, std::string> attributes;  // name -> decoded value
  std::vector<XmlElement> children;               // in file order
  int line = 0;                                   // 1-based line of its start tag

  // The name without a namespace prefix ("framework:nodes" -> "nodes").
  std::string_view local_name() const;
  // The first child with this local name, or nullptr.
  const XmlElement* Child(std::string_view local) const;
};

// The root element of the document.
XmlElement ParseXml(const std::string& text, const std::string& source_name);

}  // namespace lifeline::gas
