import Foundation
import Testing

@testable import IndiciaKit

/// The one file-system layer the engine and the CLI share: what it reports for each kind of entry.
@Suite("File system layer")
struct FileSystemTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "indicia-filesystem-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("kind tells a file, a folder, a FIFO, a dangling link, a link loop and a missing path apart")
    func kinds() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/file.json"))
        try fm.createDirectory(atPath: root + "/folder.json", withIntermediateDirectories: true)
        #expect(mkfifo(root + "/fifo.json", 0o600) == 0)
        try fm.createSymbolicLink(atPath: root + "/dangling.json", withDestinationPath: root + "/nowhere")
        try fm.createSymbolicLink(atPath: root + "/loop.json", withDestinationPath: root + "/loop.json")
        #expect(FileSystem.kind(root + "/file.json") == .file)
        #expect(FileSystem.kind(root + "/folder.json") == .directory)
        #expect(FileSystem.kind(root + "/fifo.json") == .special)
        #expect(FileSystem.kind(root + "/dangling.json") == .danglingLink)
        #expect(FileSystem.kind(root + "/loop.json") == .linkLoop)
        #expect(FileSystem.kind(root + "/nowhere") == .missing)
        #expect(FileSystem.exists(root + "/fifo.json"))
        #expect(!FileSystem.exists(root + "/dangling.json"))
        #expect(!FileSystem.exists(root + "/loop.json"))
    }

    @Test("files(in:) lists the regular files and links to them, sorted; not folders, FIFOs, dangling links or sub-folders' files")
    func filesIn() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for name in ["b.json", "a.ndjson", "sub/c.json"] {
            try fm.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try fm.createDirectory(atPath: root + "/folder.json", withIntermediateDirectories: true)
        #expect(mkfifo(root + "/fifo.json", 0o600) == 0)
        try fm.createSymbolicLink(atPath: root + "/dangling.json", withDestinationPath: root + "/nowhere")
        try fm.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/b.json")
        #expect(FileSystem.files(in: root) == [root + "/a.ndjson", root + "/b.json", root + "/link.json"])
        #expect(FileSystem.files(in: root + "/nowhere").isEmpty)
    }

    @Test("read returns the bytes up to the limit, tooLarge one byte over it, and unreadable for a missing file")
    func readLimit() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bytes = [UInt8](repeating: 0x61, count: 70_000)  // more than one 64 KiB chunk
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/big"))
        #expect(FileSystem.read(root + "/big", limit: 70_000) == .success(bytes))
        #expect(FileSystem.read(root + "/big", limit: 69_999) == .failure(.tooLarge))
        #expect(FileSystem.read(root + "/missing", limit: 10) == .failure(.unreadable))
    }

    @Test("an atomic write that cannot complete leaves neither the file nor a temporary file")
    func failedWriteLeavesNothing() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
        // Renaming a file over a folder fails after the temporary file was written.
        #expect(!FileSystem.writeFileAtomically(root + "/target", Array("x".utf8)))
        let entries = try FileManager.default.contentsOfDirectory(atPath: root)
        #expect(entries == ["target"])
        #expect(FileSystem.folder(of: "answers.json") == ".")
        #expect(FileSystem.folder(of: "/answers.json") == "/")
        #expect(!FileSystem.canWriteFile(at: root + "/target"))
        #expect(FileSystem.canWriteFile(at: root + "/new.json"))
    }

    @Test("writeAll of pieces writes them in order: more pieces than one call takes, empty ones among them")
    func writeAllPieces() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // 200 pieces of 0 to 1,990 bytes (every 7th empty), about 200 KB: more than one writev
        // takes (64 pieces), so the calls must follow on from each other in order.
        let pieces: [[UInt8]] = (0..<200).map { n in n % 7 == 0 ? [] : (0..<(n * 10)).map { UInt8(truncatingIfNeeded: n &+ $0) } }
        let path = root + "/pieces.ndjson"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        let written = withPointers(pieces) { FileSystem.writeAll(fd, $0) }
        close(fd)
        #expect(written)
        let back = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(back.count == pieces.reduce(0) { $0 + $1.count })
        #expect(Array(back) == pieces.flatMap { $0 })
        // A descriptor that cannot be written: false, not a crash or a loop.
        #expect(!withPointers(pieces) { FileSystem.writeAll(-1, $0) })
    }

    /// Runs `body` with a pointer to each array's bytes.
    private func withPointers(_ arrays: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> Bool) -> Bool {
        func take(_ next: Int, _ held: inout [UnsafeRawBufferPointer]) -> Bool {
            guard next < arrays.count else { return body(held) }
            return arrays[next].withUnsafeBytes { bytes in
                held.append(bytes)
                return take(next + 1, &held)
            }
        }
        var held: [UnsafeRawBufferPointer] = []
        return take(0, &held)
    }
}
