import Testing

@testable import IndiciaKit

/// Results are built by appending many small pieces: each must land exactly after the last.
@Suite("Byte buffer")
struct ByteBufferTests {
    @Test("every length from 0 to 40 bytes is appended exactly, after any offset, across growth")
    func appendsEveryLength() {
        // Distinct bytes, so a word copied to the wrong place or one byte too many would show.
        let source: [UInt8] = (0..<40).map { UInt8(65 + $0) }
        for offset in 0..<9 {
            for length in 0...40 {
                var buffer = ByteBuffer(capacity: 64)
                var expected: [UInt8] = Array(repeating: 0x2E, count: offset)
                for _ in 0..<offset { buffer.append(0x2E) }
                source.withUnsafeBufferPointer { buffer.append(UnsafeBufferPointer(rebasing: $0[0..<length])) }
                expected += source[0..<length]
                // A second piece straight after: the first must not have written past its end.
                buffer.append("|")
                expected.append(0x7C)
                #expect(buffer.array == expected, "offset \(offset), length \(length)")
            }
        }
    }

    @Test("a piece that does not fit makes the buffer grow and keeps what was there")
    func grows() {
        var buffer = ByteBuffer(capacity: 64)
        let piece: [UInt8] = Array("\"category\":".utf8)
        var expected: [UInt8] = []
        for _ in 0..<100 {
            buffer.append(piece)
            expected += piece
        }
        #expect(buffer.count == 1100)
        #expect(buffer.array == expected)
    }
}
