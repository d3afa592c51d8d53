import IndiciaCLI

Platform.ignoreBrokenPipe()
let context = Context(
    input: FileInput(fd: 0), output: FileOutput(fd: 1), errors: FileOutput(fd: 2),
    environment: Platform.environment(), currentDirectory: Platform.currentDirectory())
let code = Tool.run(Array(CommandLine.arguments.dropFirst()), context: context)
context.output.flush()
context.errors.flush()
Platform.exit(code.rawValue)
