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
    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
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
