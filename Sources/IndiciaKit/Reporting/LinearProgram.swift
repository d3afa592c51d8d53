/// A small dense linear program, solved by the two-phase simplex method with Bland's rule (which
/// cannot cycle): minimise `c·x` subject to `A x = b`, `x ≥ lower`.
///
/// Used by ``DisclosureControl`` to audit its own suppression the way an attacker would: from every
/// published count, how low and how high can each hidden count be? The tables it audits are
/// network matrices (rows and columns summing to totals), whose vertices are whole numbers, so
/// these bounds are the bounds over whole numbers too.
struct LinearProgram {
    /// The constraint rows (`A`), each as many entries as there are variables.
    var rows: [[Double]]
    /// The right-hand sides (`b`).
    var rhs: [Double]
    /// The lower bound of each variable.
    var lower: [Double]

    /// The result of an optimisation.
    enum Outcome: Equatable {
        case optimal(Double)
        case unbounded
        case infeasible
    }

    static let epsilon = 1e-7

    /// Minimises `objective·x`.
    func minimise(_ objective: [Double]) -> Outcome {
        let n = lower.count
        let m = rows.count
        // y = x - lower ≥ 0; A y = b - A lower; rows flipped so the right-hand side is ≥ 0.
        var table = [[Double]](repeating: [Double](repeating: 0, count: n + m + 1), count: m)
        for i in 0..<m {
            var b = rhs[i]
            for j in 0..<n { b -= rows[i][j] * lower[j] }
            let sign: Double = b < 0 ? -1 : 1
            for j in 0..<n { table[i][j] = sign * rows[i][j] }
            table[i][n + i] = 1
            table[i][n + m] = sign * b
        }
        var basis = Array(n..<(n + m))
        // Phase 1: minimise the sum of the artificial variables.
        var phase1 = [Double](repeating: 0, count: n + m + 1)
        for j in n..<(n + m) { phase1[j] = 1 }
        guard Self.solve(&table, &basis, phase1, columns: n + m) != nil else { return .infeasible }
        let infeasibility = basis.indices.reduce(0.0) { $0 + (basis[$1] >= n ? table[$1][n + m] : 0) }
        if infeasibility > 1e-6 { return .infeasible }
        // Drive artificial variables that are still basic (at zero) out of the basis where possible.
        for i in 0..<m where basis[i] >= n {
            if let j = (0..<n).first(where: { abs(table[i][$0]) > Self.epsilon }) { Self.pivot(&table, &basis, row: i, column: j) }
        }
        // Phase 2, with artificial columns barred from entering.
        var cost = [Double](repeating: 0, count: n + m + 1)
        for j in 0..<n { cost[j] = objective[j] }
        guard let value = Self.solve(&table, &basis, cost, columns: n) else { return .unbounded }
        var constant = 0.0
        for j in 0..<n { constant += objective[j] * lower[j] }
        return .optimal(value + constant)
    }

    /// Runs the simplex on a tableau already in canonical form for `basis`; entering columns are
    /// taken from `0..<columns`. Returns the optimum, or nil when unbounded.
    private static func solve(_ table: inout [[Double]], _ basis: inout [Int], _ cost: [Double], columns: Int) -> Double? {
        let m = table.count
        guard m > 0 else { return 0 }
        let width = table[0].count
        for _ in 0..<10_000 {
            // Reduced costs: c_j - c_B B^-1 A_j.
            var entering: Int?
            for j in 0..<columns where !basis.contains(j) {
                var reduced = cost[j]
                for i in 0..<m { reduced -= cost[basis[i]] * table[i][j] }
                if reduced < -epsilon {
                    entering = j
                    break
                }
            }
            guard let column = entering else {
                var value = 0.0
                for i in 0..<m { value += cost[basis[i]] * table[i][width - 1] }
                return value
            }
            var leaving: Int?
            var best = Double.infinity
            for i in 0..<m where table[i][column] > epsilon {
                let ratio = table[i][width - 1] / table[i][column]
                if ratio < best - epsilon || (abs(ratio - best) <= epsilon && basis[i] < basis[leaving ?? i]) {
                    best = ratio
                    leaving = i
                }
            }
            guard let row = leaving else { return nil }
            pivot(&table, &basis, row: row, column: column)
        }
        return nil
    }

    private static func pivot(_ table: inout [[Double]], _ basis: inout [Int], row: Int, column: Int) {
        let width = table[row].count
        let divisor = table[row][column]
        for j in 0..<width { table[row][j] /= divisor }
        for i in table.indices where i != row {
            let factor = table[i][column]
            if abs(factor) > 0 {
                for j in 0..<width { table[i][j] -= factor * table[row][j] }
            }
        }
        basis[row] = column
    }
}
