/// A regular expression of the subset AWS service models write, matched without Foundation.
///
/// Validating a member against its model pattern through `NSRegularExpression` bridged the value to an `NSString`,
/// copied it to UTF-16 and ran ICU's matcher: 4 % of a signed `GetContact`'s time for its one ARN. This engine reads
/// the pattern once into a small automaton and runs it over the value's Unicode scalars (a Pike VM: every possible
/// path advanced together, one step per scalar), so a match costs time linear in the value whatever the pattern —
/// no backtracking, so `([\w:-]+)*$` cannot run away on a long value that fails.
///
/// The subset: literals and escaped punctuation, `.`, `^`, `$`, classes `[…]` and `[^…]` with ranges, `\d \w \s`
/// and their complements, `\p{L} \p{N} \p{Z}` (and `\P{…}`), groups `(…)` and `(?:…)`, alternation, and the
/// quantifiers `* + ? {n} {n,} {n,m}` (lazy or not: whether there is a match does not depend on it). Anything else —
/// lookaround, flags, back references, word boundaries, possessive quantifiers, nested classes — makes
/// ``init(_:)`` return `nil`, and ``AWSPattern`` hands that pattern to ICU as before. Semantics are ICU's (which the
/// models' patterns are written for): a match anywhere in the value unless anchored, `^` at the start only, `$` at
/// the end or before a line terminator that ends the value. `AWSRegexTests` compares the two engines on every
/// pattern the models hold.
struct AWSRegex: Sendable {
    /// One step of the automaton.
    enum Instruction: Sendable {
        /// Consumes this scalar value.
        case scalar(UInt32)
        /// Consumes a scalar of the program's set `index`; `ascii` holds the set's ASCII members, which nearly every
        /// scalar a request carries is looked up in.
        case set(index: Int, ascii: ASCIIMask)
        /// Continues at both targets.
        case split(Int, Int)
        /// Continues at the target.
        case jump(Int)
        /// Holds at the start of the value.
        case start
        /// Holds at the end of the value, or before a line terminator that ends it.
        case end
        /// The pattern matched.
        case match
    }

    /// The automaton as ``emit(_:into:)`` builds it: its instructions (0 starts it) and the sets they name.
    struct Program {
        var instructions: [Instruction] = []
        var sets: [AWSRegexSet] = []
    }

    /// The ASCII members of a set, as a bitmap.
    struct ASCIIMask: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ set: AWSRegexSet) {
            for value in UInt32(0)..<128 where set.contains(Unicode.Scalar(UInt8(value))) {
                if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
            }
        }

        func contains(_ value: UInt32) -> Bool {
            value < 64 ? low & (1 << UInt64(value)) != 0 : high & (1 << UInt64(value - 64)) != 0
        }
    }

    /// The automaton; no instruction carries anything to reference-count, so running it copies nothing.
    private let instructions: [Instruction]
    /// The sets the `.set` instructions name, for scalars outside ASCII.
    private let sets: [AWSRegexSet]
    /// Whether the pattern starts with `^`: no match can start after the first scalar.
    private let anchoredAtStart: Bool
    /// Whether a class reads the standard library's Unicode tables (then a scalar they do not know goes to ICU).
    private let readsProperties: Bool

    /// The largest automaton built (counted repetitions copy their part): a pattern beyond it goes to ICU.
    static let maxInstructions = 4_096

    /// Reads `pattern`, or `nil` when it uses anything outside the subset (or is not a valid pattern).
    init?(_ pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let tree = parser.parse() else { return nil }
        var program = Program()
        guard Self.emit(tree, into: &program) else { return nil }
        program.instructions.append(.match)
        instructions = program.instructions
        sets = program.sets
        if case .start = program.instructions[0] { anchoredAtStart = true } else { anchoredAtStart = false }
        readsProperties = sets.contains { $0.readsProperties }
    }

    /// The Unicode version of the ICU that Foundation ships (ICU 76): the standard library's tables (Unicode 17 in
    /// Swift 6.3) know characters it does not. `AWSRegexTests` compares both over every scalar, so a toolchain that
    /// moves either fails there first.
    static let icuUnicodeVersion: Unicode.Version = (16, 0)

    /// Whether `text` contains a match; `nil` when a class would read Unicode data ICU and the standard library may
    /// not share (a scalar assigned after ICU's version, or not assigned in the library's), for ICU to answer.
    func matches(_ text: String) -> Bool? {
        let capacity = text.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, capacity)) { buffer -> Bool? in
            var count = 0
            for scalar in text.unicodeScalars {
                if readsProperties, !scalar.isASCII, !Self.agreesWithICU(scalar) { return nil }
                buffer[count] = scalar.value
                count += 1
            }
            return search(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Whether ICU and the standard library's tables both know `scalar`.
    static func agreesWithICU(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < icuUnicodeVersion.major || (age.major == icuUnicodeVersion.major && age.minor <= icuUnicodeVersion.minor)
    }

    /// The Pike VM over `text` (scalar values): the threads alive before each scalar, a new one starting at every
    /// position. All of its state lives in one temporary allocation.
    private func search(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        let size = instructions.count
        // Two thread lists (their instructions, and a mark per instruction), and the stack of the closure.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * size + 1) { memory in
            memory.initialize(repeating: 0)
            guard let base = memory.baseAddress else { return false }
            var current = ThreadList(pcs: base, marks: base + size)
            var next = ThreadList(pcs: base + 2 * size, marks: base + 3 * size)
            let stack = base + 4 * size
            return instructions.withUnsafeBufferPointer { instructions in
                var generation = 1
                current.generation = generation
                var position = 0
                while true {
                    if position == 0 || !anchoredAtStart {
                        if Self.add(0, at: position, in: text, instructions: instructions, to: &current, stack: stack) { return true }
                    } else if current.count == 0 {
                        return false
                    }
                    guard position < text.count else { return false }
                    let value = text[position]
                    generation += 1
                    next.reset(generation: generation)
                    for index in 0..<current.count {
                        let pc = current.pcs[index]
                        let advances: Bool
                        switch instructions[pc] {
                        case .scalar(let expected): advances = expected == value
                        case .set(let set, let ascii):
                            advances = value < 128 ? ascii.contains(value) : sets[set].contains(Unicode.Scalar(value) ?? " ")
                        default: advances = false
                        }
                        if advances, Self.add(pc + 1, at: position + 1, in: text, instructions: instructions, to: &next, stack: stack) {
                            return true
                        }
                    }
                    swap(&current, &next)
                    position += 1
                }
            }
        }
    }

    /// Adds the thread at `pc` and every thread it reaches without consuming a scalar; true when one of them matched.
    private static func add(
        _ start: Int, at position: Int, in text: UnsafeBufferPointer<UInt32>, instructions: UnsafeBufferPointer<Instruction>,
        to list: inout ThreadList, stack: UnsafeMutablePointer<Int>
    ) -> Bool {
        var depth = 1
        stack[0] = start
        while depth > 0 {
            depth -= 1
            let pc = stack[depth]
            guard list.insert(pc) else { continue }
            switch instructions[pc] {
            case .match:
                return true
            case .jump(let target):
                stack[depth] = target
                depth += 1
            case .split(let first, let second):
                // The second pushed first: the first is followed first (the order does not change the answer).
                stack[depth] = second
                stack[depth + 1] = first
                depth += 2
            case .start:
                if position == 0 {
                    stack[depth] = pc + 1
                    depth += 1
                }
            case .end:
                if isEnd(position, of: text) {
                    stack[depth] = pc + 1
                    depth += 1
                }
            case .scalar, .set:
                break
            }
        }
        return false
    }

    /// ICU's `$` without multi-line mode: the end of the value, or a line terminator (`\r\n` as one) that ends it —
    /// not between the `\r` and the `\n` of a final `\r\n`.
    static func isEnd(_ position: Int, of text: UnsafeBufferPointer<UInt32>) -> Bool {
        let remaining = text.count - position
        if remaining == 0 { return true }
        if remaining == 2 { return text[position] == 0x0D && text[position + 1] == 0x0A }
        guard remaining == 1 else { return false }
        if text[position] == 0x0A, position > 0, text[position - 1] == 0x0D { return false }
        switch text[position] {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The threads of one step: each instruction at most once, in the order added. A thread is marked with the step's
    /// generation, so that starting the next step clears nothing.
    private struct ThreadList {
        let pcs: UnsafeMutablePointer<Int>
        let marks: UnsafeMutablePointer<Int>
        var count = 0
        var generation = 0

        init(pcs: UnsafeMutablePointer<Int>, marks: UnsafeMutablePointer<Int>) {
            self.pcs = pcs
            self.marks = marks
        }

        mutating func reset(generation: Int) {
            count = 0
            self.generation = generation
        }

        /// Adds `pc`; false if it was already there.
        mutating func insert(_ pc: Int) -> Bool {
            if marks[pc] == generation { return false }
            marks[pc] = generation
            pcs[count] = pc
            count += 1
            return true
        }
    }
}
