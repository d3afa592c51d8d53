import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// How `evaluate` and `report` share a batch between threads.
@Suite("Batch pieces")
struct BatchPiecesTests {
    /// `count` one-line records of `width` bytes each (newline included), framed by CaseStream.
    static func records(_ count: Int, width: Int) -> [CaseStream.Record] {
        let line = "{\"id\":\"" + String(repeating: "x", count: width - 10) + "\"}\n"
        var stream = CaseStream(complete: Array(String(repeating: line, count: count).utf8))
        var records: [CaseStream.Record] = []
        while let record = stream.next() { records.append(record) }
        return records
    }

    @Test("a large batch is cut into pieces of about equal bytes that cover every record once, in order")
    func cuts() {
        // 100 records of 100 bytes: four pieces of 25 records each.
        let pieces = BatchPieces(Self.records(100, width: 100), parts: 4, threshold: 1_000)
        #expect(pieces.ranges == [0..<25, 25..<50, 50..<75, 75..<100])
    }

    @Test("a batch under the threshold is one piece, and a piece is never empty")
    func small() {
        #expect(BatchPieces(Self.records(100, width: 100), parts: 4, threshold: 1 << 20).ranges == [0..<100])
        // Fewer records than parts: one record a piece, no empty pieces.
        #expect(BatchPieces(Self.records(2, width: 100), parts: 8, threshold: 1).ranges == [0..<1, 1..<2])
    }

    @Test("each piece is taken exactly once, then there are none")
    func take() {
        let pieces = BatchPieces(ranges: [0..<1, 1..<3, 3..<4])
        #expect([pieces.take(), pieces.take(), pieces.take(), pieces.take()] == [0, 1, 2, nil])
        // A copy made with init(ranges:) starts again.
        #expect(BatchPieces(ranges: pieces.ranges).take() == 0)
    }
}
