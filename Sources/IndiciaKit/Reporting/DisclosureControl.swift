/// Decides which counts of a set of published tables to hide so that no small count can be
/// recovered from what is shown.
///
/// The tables are described as cells (counts) and equations (parts that add up to a total). A
/// cell can be *shown* (printed in a table) or *implicit* (never printed but implied, such as the
/// screenings in an area without a given type of exploitation: the area's total minus those with
/// it). Cells shared between tables — a quarter's total is both a row of the quarter table and a
/// margin of the level-by-quarter table — are one cell, so hiding it hides it everywhere.
///
/// The method (documented for readers in `docs/evidence-base.md`):
/// 1. **Primary suppression:** every shown count from 1 to `threshold - 1` is hidden. Implicit
///    counts in that range are protected too. Zeros are never hidden, so a hidden count is at
///    least 1 (and a reader may assume so).
/// 2. **Secondary suppression by derivation:** anything that can be worked out by subtraction
///    (an equation with one unknown, repeated until nothing changes) is worked out. While a hidden
///    or protected count can be, another count in one of its equations is hidden: the one in the
///    fewest equations (so totals are hidden last), then the smallest.
/// 3. **Audit by linear programming:** for every hidden or protected count, the lowest and the
///    highest value consistent with everything shown (every hidden count at least 1, implicit ones
///    at least 0) are computed exactly; where they meet, the count could be pinned down, so another
///    count is hidden as in step 2 and the audit starts again.
///
/// The result is deterministic: the same tables always give the same hidden cells.
public struct DisclosureControl: Sendable {
    private(set) var values: [Int] = []
    private(set) var shown: [Bool] = []
    /// Each equation as (parts, total): the parts add up to the total.
    private(set) var equations: [(parts: [Int], total: Int)] = []

    /// Creates an empty set of tables.
    public init() {}

    /// Adds a count.
    ///
    /// - Parameters:
    ///   - value: The count.
    ///   - shown: Whether it is printed (false for a count that is only implied).
    /// - Returns: The cell's index.
    public mutating func add(_ value: Int, shown: Bool = true) -> Int {
        values.append(value)
        self.shown.append(shown)
        return values.count - 1
    }

    /// Marks a count as printed (it may have been added as implied first).
    ///
    /// - Parameter cell: The cell's index.
    public mutating func show(_ cell: Int) {
        shown[cell] = true
    }

    /// Says that `parts` add up to `total`.
    ///
    /// - Parameters:
    ///   - parts: Cell indices.
    ///   - total: The cell index of their total.
    public mutating func addEquation(parts: [Int], total: Int) {
        equations.append((parts, total))
    }

    /// The cells a reader must not see.
    ///
    /// - Parameter threshold: Counts from 1 to `threshold - 1` are protected.
    /// - Returns: The indices of shown cells to print as hidden.
    public func suppress(threshold: Int) -> Set<Int> {
        let count = values.count
        var suppressed = Set((0..<count).filter { shown[$0] && values[$0] > 0 && values[$0] < threshold })
        let protected = Set((0..<count).filter { values[$0] > 0 && values[$0] < threshold })
        var membership = [[Int]](repeating: [], count: count)
        for (index, equation) in equations.enumerated() {
            for cell in equation.parts + [equation.total] { membership[cell].append(index) }
        }
        func cells(of equation: Int) -> [Int] { equations[equation].parts + [equations[equation].total] }
        // Totals (margins) are hidden only when no count inside the table will do.
        var isTotal = [Bool](repeating: false, count: count)
        for equation in equations { isTotal[equation.total] = true }
        func cheapest(_ options: Set<Int>) -> Int? {
            options.min { (isTotal[$0] ? 1 : 0, values[$0], $0) < (isTotal[$1] ? 1 : 0, values[$1], $1) }
        }
        func hideable(_ cell: Int) -> Bool { shown[cell] && values[cell] > 0 && !suppressed.contains(cell) }
        // The best count to hide next, near `cell`: in `equation` if given, else in one of its
        // equations, or failing that in an equation of a cell sharing one.
        func candidate(near cell: Int, equation: Int? = nil) -> Int? {
            if let equation, let best = cheapest(Set(cells(of: equation).filter(hideable))) { return best }
            var frontier = Set([cell])
            var seen = Set<Int>()
            for _ in 0..<4 {
                var options = Set<Int>()
                var next = Set<Int>()
                for c in frontier {
                    for e in membership[c] {
                        for other in cells(of: e) where !seen.contains(other) {
                            next.insert(other)
                            if hideable(other) { options.insert(other) }
                        }
                    }
                }
                if let best = cheapest(options) { return best }
                seen.formUnion(frontier)
                frontier = next.subtracting(seen)
                if frontier.isEmpty { break }
            }
            return nil
        }
        var gaveUp = Set<Int>()
        auditing: while true {
            // Step 2: derivation.
            var known = (0..<count).map { shown[$0] && !suppressed.contains($0) }
            var derivedBy = [Int: Int]()
            var derivationOrder: [Int] = []
            var changed = true
            while changed {
                changed = false
                for index in equations.indices {
                    let unknown = cells(of: index).filter { !known[$0] }
                    if unknown.count == 1 {
                        known[unknown[0]] = true
                        derivedBy[unknown[0]] = index
                        derivationOrder.append(unknown[0])
                        changed = true
                    }
                }
            }
            // The first exposed count in the order of working out: later ones may follow from it.
            for cell in derivationOrder where (suppressed.contains(cell) || protected.contains(cell)) && !gaveUp.contains(cell) {
                if let extra = candidate(near: cell, equation: derivedBy[cell]) {
                    suppressed.insert(extra)
                } else {
                    gaveUp.insert(cell)
                }
                continue auditing
            }
            // Step 3: the audit.
            let hidden = (0..<count).filter { !known[$0] }
            for cell in hidden where (suppressed.contains(cell) || protected.contains(cell)) && !gaveUp.contains(cell) {
                if isPinned(cell, known: known, suppressed: suppressed, membership: membership) {
                    if let extra = candidate(near: cell) {
                        suppressed.insert(extra)
                    } else {
                        gaveUp.insert(cell)
                    }
                    continue auditing
                }
            }
            return suppressed
        }
    }

    /// Whether the lowest and highest values `cell` can take, given every known count, are equal.
    private func isPinned(_ cell: Int, known: [Bool], suppressed: Set<Int>, membership: [[Int]]) -> Bool {
        // The connected part of the hidden cells around `cell`.
        var component = [cell]
        var inComponent: Set<Int> = [cell]
        var equationsUsed = Set<Int>()
        var queue = [cell]
        while let current = queue.popLast() {
            for e in membership[current] where !equationsUsed.contains(e) {
                equationsUsed.insert(e)
                for other in equations[e].parts + [equations[e].total] where !known[other] && !inComponent.contains(other) {
                    inComponent.insert(other)
                    component.append(other)
                    queue.append(other)
                }
            }
        }
        component.sort()
        var position = [Int: Int]()
        for (index, c) in component.enumerated() { position[c] = index }
        var rows: [[Double]] = []
        var rhs: [Double] = []
        for e in equationsUsed.sorted() {
            var row = [Double](repeating: 0, count: component.count)
            var constant = 0.0
            for (c, sign) in equations[e].parts.map({ ($0, 1.0) }) + [(equations[e].total, -1.0)] {
                if let p = position[c] {
                    row[p] += sign
                } else {
                    constant -= sign * Double(values[c])
                }
            }
            rows.append(row)
            rhs.append(constant)
        }
        // Shown cells are hidden only when nonzero, so a reader knows they are at least 1.
        let lower = component.map { shown[$0] ? 1.0 : 0.0 }
        let program = LinearProgram(rows: rows, rhs: rhs, lower: lower)
        guard let target = position[cell] else { return false }
        var objective = [Double](repeating: 0, count: component.count)
        objective[target] = 1
        guard case .optimal(let low) = program.minimise(objective) else { return false }
        objective[target] = -1
        switch program.minimise(objective) {
        case .optimal(let negativeHigh): return -negativeHigh - low < 0.5
        case .unbounded, .infeasible: return false
        }
    }
}
