/// Finds YAML anchors and aliases without composing the document.
///
/// Composing resolves aliases, and Yams hashes mapping keys while composing, so an alias-built "billion laughs" key
/// costs billions of steps before any budget can stop it. Documents have no need for anchors; this scan finds an
/// anchor (`&name`) or alias (`*name`) where a node starts, skipping quoted scalars, comments, the inside of plain
/// scalars and block scalars (`|`, `>`), so prose such as Markdown in a description is left alone.
enum YAMLAliasScan {
    /// Whether the text uses an anchor or an alias.
    static func usesAliases(_ text: String) -> Bool {
        var blockIndent: Int?
        var quote: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if let parent = blockIndent {
                if line.allSatisfy({ $0 == " " || $0 == "\r" }) || indent > parent { continue }
                blockIndent = nil
            }
            var atNodeStart = quote == nil
            var previous: Character = " "
            var index = line.startIndex
            while index < line.endIndex {
                let char = line[index]
                defer {
                    previous = char
                    index = line.index(after: index)
                }
                if let open = quote {
                    if char == open {
                        if open == "'", line.index(after: index) < line.endIndex, line[line.index(after: index)] == "'" {
                            index = line.index(after: index)
                            continue
                        }
                        quote = nil
                        atNodeStart = false
                    } else if char == "\\", open == "\"", line.index(after: index) < line.endIndex {
                        index = line.index(after: index)
                    }
                    continue
                }
                if char == " " || char == "\t" || char == "\r" { continue }
                if char == "#", previous == " " || previous == "\t" || index == line.startIndex { break }
                if atNodeStart {
                    switch char {
                    case "*", "&":
                        return true
                    case "'", "\"":
                        quote = char
                        continue
                    case "|", ">":
                        blockIndent = indent
                        atNodeStart = false
                        continue
                    case "-", "?":
                        let next = line.index(after: index)
                        if next == line.endIndex || line[next] == " " { continue }
                        atNodeStart = false
                    case "[", "{", ",":
                        continue
                    case "!":
                        // A tag: the node itself follows it.
                        while index < line.endIndex, line[index] != " " { index = line.index(after: index) }
                        if index == line.endIndex { return false }
                        continue
                    default:
                        atNodeStart = false
                    }
                }
                switch char {
                case ":":
                    let next = line.index(after: index)
                    if next == line.endIndex || line[next] == " " { atNodeStart = true }
                case "[", "{", ",":
                    atNodeStart = true
                default:
                    break
                }
            }
        }
        return false
    }
}
