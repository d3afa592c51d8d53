import IndiciaKit

/// `indicia screen` and `indicia assess`: the guided interactive session.
enum ScreenCommand {
    static func help(_ command: Questionnaire.GuidedCommand, _ what: String) -> String {
        let name = command.rawValue
        return """
            Usage: indicia \(name) [--pack ID|PATH] [--resume FILE] [--draft FILE] [--out FILE] [--summary FILE]
                                  [--plain] [--force] [--packs DIR]

            Guided \(what), one question at a time.
            At any question type:  ? help   b back   s skip   k not known   r review and change answers
                                   q save and quit
            Your answers are saved after every answer to a draft file, readable only by you.
            Ctrl-C or end of input keeps the draft; continue the session with --resume.

              --pack ID|PATH  the pack to use (default: the one pack found whose questionnaire
                              declares guided_command: \(name))
              --packs DIR     folder holding rules/ and questionnaires/ (default: INDICIA_PACKS,
                              else the current folder)
              --draft FILE    the draft file (default: ./indicia-ID-draft.json, ID the pack's id)
              --resume FILE   continue the session saved in this draft, and keep saving to it
              --out FILE      write the result as JSON (the same as indicia evaluate produces)
              --summary FILE  write a plain-text summary to paste into a case record
              --plain         no colour or decoration (for screen readers)
              --force         resume a draft even though the pack has changed since it was saved

            Exit codes: 0 finished or saved, 64 usage error (or several packs declare the command and
            none is named), 65 the pack does not load, no pack declares the command, or the draft does
            not match the pack, 66 the draft or pack cannot be read, 74 a file could not be written,
            130 interrupted (the draft is kept).

            """
    }

    static let valued: Set<String> = ["--pack", "--packs", "--resume", "--out", "--draft", "--summary"]
    static let switches: Set<String> = ["--plain", "--force"]

    static let screen = Tool.Command(
        name: "screen", summary: "guided screening for signs of trafficking or modern slavery",
        help: help(.screen, "screening for signs of trafficking or modern slavery"), valued: valued,
        switches: switches, run: { GuidedSession.run($0, $1, command: .screen) })
    static let assess = Tool.Command(
        name: "assess", summary: "guided training-needs assessment of one agency",
        help: help(.assess, "training-needs assessment of one agency"), valued: valued, switches: switches,
        run: { GuidedSession.run($0, $1, command: .assess) })
}
