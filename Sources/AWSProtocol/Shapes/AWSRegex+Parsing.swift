extension AWSRegex {
    /// A parsed pattern.
    indirect enum Node: Sendable {
        /// Matches the empty string.
        case empty
        /// One scalar.
        case scalar(Unicode.Scalar)
        /// One scalar of a set.
        case set(AWSRegexSet)
        /// `^`.
        case start
        /// `$`.
        case end
        /// The parts one after the other.
        case sequence([Node])
        /// One of the branches.
        case alternation([Node])
        /// The part `min` to `max` times (`nil`: unbounded).
        case repetition(Node, min: Int, max: Int?)
    }

    /// A recursive-descent reader of the subset; every method returns `nil` on anything outside it.
    struct Parser {
        private let scalars: [Unicode.Scalar]
        private var position = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        /// The whole pattern, or `nil`.
        mutating func parse() -> Node? {
            // ICU refuses an empty pattern (it then matches nothing).
            guard !scalars.isEmpty, let node = alternation(), position == scalars.count else { return nil }
            return node
        }

        private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        private mutating func alternation() -> Node? {
            var branches: [Node] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch)
                guard peek == "|" else { break }
                position += 1
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func sequence() -> Node? {
            var parts: [Node] = []
            while let next = peek, next != "|", next != ")" {
                guard let atom = atom(), let quantified = quantified(atom) else { return nil }
                parts.append(quantified)
            }
            switch parts.count {
            case 0: return .empty
            case 1: return parts[0]
            default: return .sequence(parts)
            }
        }

        private mutating func atom() -> Node? {
            guard let scalar = peek else { return nil }
            position += 1
            switch scalar {
            case "(":
                if peek == "?" {
                    // Only the non-capturing group; flags and lookaround are ICU's.
                    guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = alternation(), peek == ")" else { return nil }
                position += 1
                return inner
            case "[":
                return characterClass().map(Node.set)
            case ".":
                return .set(AWSRegexSet(.notLineTerminator))
            case "^":
                return .start
            case "$":
                return .end
            case "\\":
                switch escape() {
                case .scalar(let literal)?: return .scalar(literal)
                case .set(let set)?: return .set(set)
                case nil: return nil
                }
            case "*", "+", "?", "{", ")", "]", "}":
                // A quantifier with nothing to repeat, or a bracket ICU may read otherwise.
                return nil
            default:
                return .scalar(scalar)
            }
        }

        private mutating func quantified(_ atom: Node) -> Node? {
            // One quantifier: ICU reads `a**` as an error, and stacked quantifiers are not in the models.
            guard let scalar = peek else { return atom }
            let bounds: (min: Int, max: Int?)
            switch scalar {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{":
                guard let counted = counted() else { return nil }
                bounds = counted
            default: return atom
            }
            if scalar != "{" {
                position += 1
            }
            switch atom {
            case .start, .end: return nil
            default: break
            }
            return suffix(.repetition(atom, min: bounds.min, max: bounds.max))
        }

        /// Reads a lazy quantifier's `?` (the same answer to "is there a match"); refuses a possessive `+`.
        private mutating func suffix(_ node: Node) -> Node? {
            switch peek {
            case "?":
                position += 1
                return node
            case "+":
                return nil
            default:
                return node
            }
        }

        /// `{n}`, `{n,}` or `{n,m}`, the position after it.
        private mutating func counted() -> (min: Int, max: Int?)? {
            position += 1
            guard let low = number() else { return nil }
            var high: Int? = low
            if peek == "," {
                position += 1
                high = peek == "}" ? nil : number()
                if high == nil && peek != "}" { return nil }
            }
            guard peek == "}" else { return nil }
            position += 1
            if let high, high < low { return nil }
            return (low, high)
        }

        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = peek, scalar.value >= 0x30, scalar.value <= 0x39, digits < 4 {
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : value
        }

        /// What an escape stands for.
        private enum Escaped {
            case scalar(Unicode.Scalar)
            case set(AWSRegexSet)
        }

        /// The escape after a backslash.
        private mutating func escape() -> Escaped? {
            guard let scalar = peek else { return nil }
            position += 1
            switch scalar {
            case "d": return .set(AWSRegexSet(.digit))
            case "D": return .set(AWSRegexSet(.digit, negated: true))
            case "w": return .set(AWSRegexSet(.word))
            case "W": return .set(AWSRegexSet(.word, negated: true))
            case "s": return .set(AWSRegexSet(.space))
            case "S": return .set(AWSRegexSet(.space, negated: true))
            case "p", "P":
                guard let named = property() else { return nil }
                return .set(AWSRegexSet(named, negated: scalar == "P"))
            case "n": return .scalar("\n")
            case "t": return .scalar("\t")
            case "r": return .scalar("\r")
            case "f": return .scalar("\u{0C}")
            default:
                // Escaped ASCII punctuation is itself; letters and digits are escapes of ICU's (\b, \1, \x, \Q…).
                guard scalar.isASCII, !scalar.properties.isAlphabetic, !(scalar.value >= 0x30 && scalar.value <= 0x39) else {
                    return nil
                }
                return .scalar(scalar)
            }
        }

        /// `{L}`, `{N}` or `{Z}` after `\p` or `\P`.
        private mutating func property() -> AWSRegexSet.Class? {
            guard position + 2 < scalars.count, scalars[position] == "{", scalars[position + 2] == "}" else { return nil }
            let name = scalars[position + 1]
            position += 3
            switch name {
            case "L": return .letter
            case "N": return .number
            case "Z": return .separator
            default: return nil
            }
        }

        /// A class after its `[`, through its `]`.
        private mutating func characterClass() -> AWSRegexSet? {
            var set = AWSRegexSet()
            if peek == "^" {
                set.negated = true
                position += 1
            }
            // `]` first, POSIX sets (`[:alpha:]`), nested classes and set operations (`&&`, `--`) are ICU's to read.
            guard peek != "]", !(peek == ":" && closesPOSIXSet()) else { return nil }
            while let scalar = peek, scalar != "]" {
                guard scalar != "[" else { return nil }
                if scalar == "&" || scalar == "-", position + 1 < scalars.count, scalars[position + 1] == scalar { return nil }
                guard let low = classMember() else { return nil }
                switch low {
                case .set(let named):
                    set.classes.append(contentsOf: named.classes)
                case .scalar(let first):
                    // A range, unless the `-` is the class's last member.
                    if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                        position += 1
                        guard peek != "-", case .scalar(let last)? = classMember(), first.value <= last.value else { return nil }
                        set.ranges.append(first.value...last.value)
                    } else {
                        set.ranges.append(first.value...first.value)
                    }
                }
            }
            guard peek == "]" else { return nil }
            position += 1
            return set
        }

        /// Whether a `:]` follows, which makes ICU read `[:` as a POSIX set (without one, it reads the `:` as itself).
        private func closesPOSIXSet() -> Bool {
            var index = position
            while index + 1 < scalars.count {
                if scalars[index] == ":" && scalars[index + 1] == "]" { return true }
                index += 1
            }
            return false
        }

        private mutating func classMember() -> Escaped? {
            guard let scalar = peek else { return nil }
            position += 1
            if scalar == "\\" {
                return escape()
            }
            return .scalar(scalar)
        }
    }

    /// Appends the instructions for `node`; false when the automaton would outgrow ``maxInstructions``.
    static func emit(_ node: Node, into program: inout Program) -> Bool {
        guard program.instructions.count < maxInstructions else { return false }
        switch node {
        case .empty:
            return true
        case .scalar(let scalar):
            program.instructions.append(.scalar(scalar.value))
        case .set(let set):
            program.sets.append(set)
            program.instructions.append(.set(index: program.sets.count - 1, ascii: ASCIIMask(set)))
        case .start:
            program.instructions.append(.start)
        case .end:
            program.instructions.append(.end)
        case .sequence(let parts):
            for part in parts where !emit(part, into: &program) { return false }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split …; the last branch without a split.
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.instructions.count
                    program.instructions.append(.split(split + 1, 0))
                    guard emit(branch, into: &program) else { return false }
                    jumps.append(program.instructions.count)
                    program.instructions.append(.jump(0))
                    program.instructions[split] = .split(split + 1, program.instructions.count)
                } else {
                    guard emit(branch, into: &program) else { return false }
                }
            }
            for jump in jumps { program.instructions[jump] = .jump(program.instructions.count) }
        case .repetition(let part, let min, let max):
            // A part that emits nothing (`(?:)`) repeated is nothing: copying it would take `min` calls for no growth.
            if part.emitsNothing { return true }
            for _ in 0..<min where !emit(part, into: &program) { return false }
            if let max {
                // Each optional copy: split into it or past all that follow.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.instructions.count)
                    program.instructions.append(.split(program.instructions.count + 1, 0))
                    guard emit(part, into: &program) else { return false }
                }
                for split in splits { program.instructions[split] = .split(split + 1, program.instructions.count) }
            } else {
                // loop: split body, exit; body; jump loop
                let loop = program.instructions.count
                program.instructions.append(.split(loop + 1, 0))
                guard emit(part, into: &program) else { return false }
                program.instructions.append(.jump(loop))
                program.instructions[loop] = .split(loop + 1, program.instructions.count)
            }
        }
        return program.instructions.count <= maxInstructions
    }
}

extension AWSRegex.Node {
    /// Whether ``AWSRegex/emit(_:into:)`` writes no instruction for the node: it matches only the empty string and
    /// asserts nothing.
    var emitsNothing: Bool {
        switch self {
        case .empty: true
        case .scalar, .set, .start, .end: false
        case .sequence(let parts): parts.allSatisfy(\.emitsNothing)
        case .alternation(let branches): branches.allSatisfy(\.emitsNothing)
        case .repetition(let part, _, let max): max == 0 || part.emitsNothing
        }
    }
}
