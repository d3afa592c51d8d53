/// Many small pre-encoded JSON pieces stored end to end, appended without touching reference counts.
struct FragmentTable: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []

    init() {}

    init(_ pieces: [[UInt8]]) {
        for piece in pieces { add(piece) }
    }

    mutating func add(_ piece: [UInt8]) {
        starts.append(bytes.count)
        lengths.append(piece.count)
        bytes += piece
    }

    var count: Int { starts.count }
    var isEmpty: Bool { starts.isEmpty }

    /// Appends piece `index` to `out`.
    @inline(__always)
    func append(_ index: Int, to out: inout ByteBuffer) {
        let start = starts[index]
        let length = lengths[index]
        bytes.withUnsafeBufferPointer { all in
            out.append(UnsafeBufferPointer(rebasing: all[start..<(start + length)]))
        }
    }
}
