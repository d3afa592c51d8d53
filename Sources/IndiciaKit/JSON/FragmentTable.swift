/// Many small pre-encoded JSON pieces stored end to end, appended without touching reference counts.
struct FragmentTable: Sendable {
    /// Where one piece is in `bytes`.
    private struct Piece: Sendable {
        var start: Int
        var length: Int
    }

    private var bytes: [UInt8] = []
    private var pieces: [Piece] = []

    init() {}

    init(_ pieces: [[UInt8]]) {
        for piece in pieces { add(piece) }
    }

    mutating func add(_ piece: [UInt8]) {
        pieces.append(Piece(start: bytes.count, length: piece.count))
        bytes += piece
    }

    var count: Int { pieces.count }
    var isEmpty: Bool { pieces.isEmpty }

    /// Appends piece `index` to `out`.
    @inline(__always)
    func append(_ index: Int, to out: inout ByteBuffer) {
        let piece = pieces[index]
        // Every piece lies within `bytes`: `add` is the only writer of both arrays.
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            out.append(UnsafeBufferPointer(start: base + piece.start, count: piece.length))
        }
    }
}
