import Testing

@testable import IndiciaKit

@Suite("Disclosure control")
struct DisclosureControlTests {
    @Test("the linear program finds the lowest and highest value of a variable")
    func linearProgram() {
        // x + y = 9, x, y ≥ 1: x is between 1 and 8.
        let program = LinearProgram(rows: [[1, 1]], rhs: [9], lower: [1, 1])
        #expect(program.minimise([1, 0]) == .optimal(1))
        #expect(program.minimise([-1, 0]) == .optimal(-8))
        // x + y = 9, x - y = 1: x is 5 exactly.
        let pinned = LinearProgram(rows: [[1, 1], [1, -1]], rhs: [9, 1], lower: [0, 0])
        #expect(pinned.minimise([1, 0]) == .optimal(5))
        #expect(pinned.minimise([-1, 0]) == .optimal(-5))
        // No upper limit: unbounded.
        #expect(LinearProgram(rows: [[1, -1]], rhs: [0], lower: [0, 0]).minimise([-1, 0]) == .unbounded)
        #expect(LinearProgram(rows: [[1, 1]], rhs: [1], lower: [1, 1]).minimise([1, 0]) == .infeasible)
    }

    @Test("one small count in a row with a total hides the next smallest count, never the total")
    func oneDimension() {
        var control = DisclosureControl()
        let a = control.add(3)
        let b = control.add(10)
        let c = control.add(20)
        let total = control.add(33)
        control.addEquation(parts: [a, b, c], total: total)
        #expect(control.suppress(threshold: 5) == [a, b])
    }

    @Test("a hidden count that the others pin down through a chain of totals is found by the audit")
    func chain() {
        // A 2×2 table with margins where one cell is small: hiding only the row partner would let
        // the column total reveal it, so a rectangle of four cells is hidden.
        var control = DisclosureControl()
        let cells = [[3, 10], [12, 15]].map { row in row.map { control.add($0) } }
        let rows = [13, 27].map { control.add($0) }
        let columns = [15, 25].map { control.add($0) }
        let total = control.add(40)
        for r in 0..<2 { control.addEquation(parts: cells[r], total: rows[r]) }
        for c in 0..<2 { control.addEquation(parts: [cells[0][c], cells[1][c]], total: columns[c]) }
        control.addEquation(parts: rows, total: total)
        control.addEquation(parts: columns, total: total)
        #expect(control.suppress(threshold: 5) == Set([cells[0][0], cells[0][1], cells[1][0], cells[1][1]]))
    }

    @Test("zeros are never hidden and a table without small counts hides nothing")
    func nothingSmall() {
        var control = DisclosureControl()
        let parts = [0, 7, 12].map { control.add($0) }
        let total = control.add(19)
        control.addEquation(parts: parts, total: total)
        #expect(control.suppress(threshold: 5).isEmpty)
    }
}
