import IndiciaKit

/// A command line split into flags with values, boolean switches, and positional arguments.
struct Arguments {
    var positional: [String] = []
    var options: [String: String] = [:]
    var switches: Set<String> = []

    /// A usage problem: the message is printed with the command's usage and exit code 64.
    struct UsageError: Error {
        var message: String
    }

    /// Parses `arguments` given the option names that take a value and the switches allowed.
    static func parse(_ arguments: [String], valued: Set<String>, switches allowed: Set<String>) throws(UsageError) -> Arguments {
        var result = Arguments()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                result.positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if valued.contains(name) {
                if let inlineValue {
                    result.options[name] = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                    result.options[name] = arguments[index]
                    index += 1
                }
            } else if allowed.contains(name), inlineValue == nil {
                result.switches.insert(name)
            } else {
                let known = Array(valued) + Array(allowed)
                throw UsageError(message: "unknown option '\(name)'\(hint(name, known))")
            }
        }
        return result
    }

    static func hint(_ word: String, _ candidates: [String]) -> String {
        Spelling.hint(for: word, among: candidates)
    }
}
