import Foundation
import Testing

@testable import IndiciaKit

/// Entries named like pack files that are not readable files are errors, never skipped or waited on.
@Suite("Pack files on disk")
struct PackFilesTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "indicia-packfiles-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("in a folder: a folder, a dangling link, a link loop and a FIFO named *.yaml are each an error; a link to a file is read")
    func folderEntries() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/folder.yaml", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/dangling.yaml", withDestinationPath: root + "/nowhere.yaml")
        try fm.createSymbolicLink(atPath: root + "/loop.yaml", withDestinationPath: root + "/loop.yaml")
        #expect(mkfifo(root + "/fifo.yaml", 0o600) == 0)
        try Data("version: 1\n".utf8).write(to: URL(fileURLWithPath: root + "/real.txt"))
        try fm.createSymbolicLink(atPath: root + "/linked.yaml", withDestinationPath: root + "/real.txt")
        let library = PackLibrary.load(paths: [root])
        let problems = Dictionary(library.unreadable.map { (($0.mark.file as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(problems["folder.yaml"]?.code == .notAFile)
        #expect(problems["dangling.yaml"]?.code == .fileNotFound)
        #expect(problems["dangling.yaml"]?.message.contains("symbolic link") == true)
        #expect(problems["loop.yaml"]?.code == .unreadable)
        #expect(problems["loop.yaml"]?.message.contains("loop") == true)
        #expect(problems["fifo.yaml"]?.code == .unreadable)
        #expect(problems["fifo.yaml"]?.message.contains("not a regular file") == true)
        #expect(problems["linked.yaml"] == nil, "a link to a regular file is read like the file")
        #expect(library.unreadable.allSatisfy { $0.severity == .error })
    }

    @Test("named directly: a FIFO is refused without waiting, and a link loop is a loop, not 'no such file'")
    func namedDirectly() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/fifo.yaml", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: root + "/loop.yaml", withDestinationPath: root + "/loop.yaml")
        let fifo = PackLibrary.load(paths: [root + "/fifo.yaml"])
        #expect(fifo.unreadable.map(\.code) == [.unreadable])
        let loop = PackLibrary.load(paths: [root + "/loop.yaml"])
        #expect(loop.unreadable.map(\.code) == [.unreadable])
        #expect(loop.unreadable.first?.message == "this is a loop of symbolic links")
    }
}
