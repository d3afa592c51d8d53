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
}
