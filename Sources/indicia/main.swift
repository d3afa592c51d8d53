import Foundation
import IndiciaCLI

Platform.ignoreBrokenPipe()
let context = Context(
    input: FileInput(fd: 0), output: FileOutput(fd: 1), errors: FileOutput(fd: 2),
    environment: ProcessInfo.processInfo.environment, currentDirectory: FileManager.default.currentDirectoryPath)
let code = Tool.run(Array(CommandLine.arguments.dropFirst()), context: context)
context.output.flush()
context.errors.flush()
exit(code.rawValue)
