/// Terminal colour, used only on a terminal, never with `NO_COLOR` or `TERM=dumb`.
struct Style {
    let enabled: Bool

    init(sink: OutputSink, environment: [String: String], plain: Bool = false) {
        enabled = !plain && sink.isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    private func paint(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { paint("1;31", text) }
    func yellow(_ text: String) -> String { paint("33", text) }
    func green(_ text: String) -> String { paint("32", text) }
    func bold(_ text: String) -> String { paint("1", text) }
    func dim(_ text: String) -> String { paint("2", text) }
}
