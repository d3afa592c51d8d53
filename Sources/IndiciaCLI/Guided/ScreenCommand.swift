import IndiciaKit

/// `indicia screen` and `indicia assess`: the guided interactive session.
enum ScreenCommand {
    static let screen = Tool.Command(
        name: "screen", summary: "guided screening for signs of trafficking or modern slavery",
        help: "Usage: indicia screen [--pack ID|PATH] [--resume FILE] [--out FILE] [--plain]\n",
        valued: ["--pack", "--packs", "--resume", "--out", "--draft", "--summary"], switches: ["--plain", "--force"],
        run: { _, context in
            context.errors.write("indicia screen: not yet available\n")
            return .software
        })
    static let assess = Tool.Command(
        name: "assess", summary: "guided training-needs assessment of one agency",
        help: "Usage: indicia assess [--pack ID|PATH] [--resume FILE] [--out FILE] [--plain]\n",
        valued: ["--pack", "--packs", "--resume", "--out", "--draft", "--summary"], switches: ["--plain", "--force"],
        run: { _, context in
            context.errors.write("indicia assess: not yet available\n")
            return .software
        })
}
