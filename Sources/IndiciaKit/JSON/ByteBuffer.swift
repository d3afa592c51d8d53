/// A growable byte buffer for writing results: appending is a bounds check and a copy.
///
/// `[UInt8].append` checks uniqueness and capacity on every call; results are built from
/// about a hundred small pieces each, so this matters for streams of millions of cases.
public struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Number of bytes written.
    public private(set) var count = 0

    /// Creates an empty buffer.
    ///
    /// - Parameter capacity: Initial capacity in bytes.
    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the contents, keeping the memory.
    public mutating func removeAll() { count = 0 }

    /// Overwrites one byte already written.
    @inline(__always)
    mutating func overwrite(_ byte: UInt8, at index: Int) {
        precondition(index >= 0 && index < count, "overwrite(_:at:) past the end")
        base[index] = byte
    }

    /// The bytes written so far.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// A copy of the bytes written so far.
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes from a buffer.
    ///
    /// Most pieces of a result are a few bytes (`"id":`, `,`, an id): up to 16 are copied here as
    /// two overlapping words, which reads and writes only bytes inside both buffers, rather than
    /// through a call to `memmove`.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        let n = bytes.count
        reserve(n)
        let target = base + count
        if n <= 16 {
            Self.copySmall(from: source, to: target, count: n)
        } else {
            target.update(from: source, count: n)
        }
        count += n
    }

    /// Copies 1 to 16 bytes without a call: two words that overlap in the middle (8 to 16 bytes),
    /// two half-words (4 to 7), or one byte at a time (1 to 3).
    @inline(__always)
    static func copySmall(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count n: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if n >= 8 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            for k in 0..<n { target[k] = source[k] }
        }
    }

    /// Appends the bytes of an array.
    @inline(__always)
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends an integer in decimal.
    @inline(__always)
    public mutating func append(integer value: Int) {
        if value >= 0 && value < 10 {
            append(UInt8(0x30 + value))
            return
        }
        reserve(21)
        var magnitude = value.magnitude
        var digits = 0
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            repeat {
                raw[digits] = UInt8(0x30 + magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if value < 0 {
                base[count] = 0x2D
                count += 1
            }
            while digits > 0 {
                digits -= 1
                base[count] = raw[digits]
                count += 1
            }
        }
    }

    /// Appends ASCII text known at compile time.
    @inline(__always)
    public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
